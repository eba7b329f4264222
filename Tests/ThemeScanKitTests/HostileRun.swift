import Foundation
import Testing

@testable import ThemeScanKit

/// The hang bound of the hostile-content suites, and their runs of the binary (through `ChildRun`).
enum HostileRun {
    /// The hang bound every hostile run is held to: far above any legitimate run of these inputs (each takes a few
    /// seconds alone), with room for the whole suite running binaries in parallel on a shared 2-core machine.
    static let hangBound: Double = 120

    /// Runs `themescan arguments` in `folder`, killing it after `timeout` seconds.
    static func run(_ arguments: [String], in folder: URL, timeout: Double = hangBound) throws -> ChildRun.Outcome {
        try ChildRun.run(arguments, in: folder, timeout: timeout)
    }
}

/// A scratch folder holding the test codebook and one good transcript, for hostile files to be put next to.
final class HostileWorkspace {
    /// The good transcript every run analyzes alongside the hostile input.
    static let goodName = "good.txt"
    let folder: URL

    init() throws {
        folder = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("codebook.yaml"), to: folder.appendingPathComponent("codebook.yaml"))
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("sample/p01-zh.txt"),
            to: folder.appendingPathComponent(Self.goodName))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes `bytes` to `name` in the workspace.
    func write(_ name: String, _ bytes: [UInt8]) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    /// Runs `analyze` on the good transcript and `inputs`, with `options` added.
    func analyze(_ inputs: [String], _ options: [String] = [], timeout: Double = HostileRun.hangBound) throws
        -> ChildRun.Outcome
    {
        try HostileRun.run(
            ["analyze", Self.goodName] + inputs + ["--lexicon", "codebook.yaml", "--out", "out", "--quiet", "--jobs", "1"]
                + options, in: folder, timeout: timeout)
    }

    /// The start of the `codes.csv` row of bullying when `documents` hostile documents each mention 欺凌 once; the
    /// good transcript mentions 霸凌 once.
    static func bullyingRow(_ documents: Int) -> String {
        "issues,bullying,欺凌,\(documents + 1),\(documents + 1),\(documents + 1),"
    }

    /// The text of an output file.
    func output(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("out").appendingPathComponent(name), encoding: .utf8)
    }

    /// Every file under the output folder, as raw bytes decoded leniently, so a marker is found in any format
    /// (the workbook is a zip, so its parts are inflated and searched too).
    func outputContains(_ marker: String) throws -> Bool {
        let out = folder.appendingPathComponent("out")
        guard let walker = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil) else { return false }
        for case let url as URL in walker {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            let bytes = try [UInt8](Data(contentsOf: url))
            if String(decoding: bytes, as: UTF8.self).contains(marker) { return true }
            if url.pathExtension == "xlsx" {
                let archive = try ZipArchiveReader(bytes: bytes, path: url.path)
                for name in archive.entryNames
                where String(decoding: try archive.bytes(of: name), as: UTF8.self).contains(marker) {
                    return true
                }
            }
        }
        return false
    }

    /// Asserts what every hostile run must show: the good transcript analyzed, the hostile file (when given) named
    /// at the start of a stderr line, the documented exit status, no hang and peak memory under `peakMiB`.
    /// `goodCode` starts a `codes.csv` row the good transcript produces (nil for a codebook without that code).
    func expectHandled(
        _ outcome: ChildRun.Outcome, hostile path: String?, status: Int32 = 0, peakMiB: Int,
        goodCode: String? = "issues,depression,",
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        #expect(!outcome.timedOut, "the run hung: the watchdog killed it", sourceLocation: sourceLocation)
        #expect(outcome.status == status, "\(outcome.standardError)", sourceLocation: sourceLocation)
        if ChildRun.measuresMemory {
            #expect(
                outcome.peakKiB < peakMiB * 1024, "peak RSS \(outcome.peakKiB) KiB over \(peakMiB) MiB",
                sourceLocation: sourceLocation)
        }
        if let path {
            #expect(
                outcome.lines.contains { $0.hasPrefix("\(path):") }, "stderr does not name \(path): \(outcome.standardError)",
                sourceLocation: sourceLocation)
        }
        guard status == 0, outcome.status == 0 else { return }
        let documents = try output("documents.csv")
        #expect(documents.contains("\n\(Self.goodName),"), "the good transcript was not analyzed", sourceLocation: sourceLocation)
        if let goodCode {
            #expect(try output("codes.csv").contains(goodCode), "the good transcript's code is missing", sourceLocation: sourceLocation)
        }
    }
}
