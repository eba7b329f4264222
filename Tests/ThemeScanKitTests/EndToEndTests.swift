import Foundation
import Testing

/// Runs the built `themescan` binary the way a researcher would, including on bad input.
@Suite struct EndToEndTests {
    struct Run {
        var status: Int32
        var standardError: String
        var standardOutput: String
    }

    /// The `themescan` executable built next to the test bundle.
    static func binary() throws -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("themescan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/themescan")
        guard FileManager.default.isExecutableFile(atPath: fallback.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fallback.path])
        }
        return fallback
    }

    /// Runs the binary to completion. Its output streams go to files, so that neither can fill a pipe and stall
    /// it while the other is read.
    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let scratch = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errorURL = scratch.appendingPathComponent("stderr")
        let outputURL = scratch.appendingPathComponent("stdout")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardError = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self),
            standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self))
    }

    /// A scratch folder holding a copy of the fixtures.
    static func workspace() throws -> URL {
        let folder = try TestSupport.temporaryFolder()
        for name in ["sample", "codebook.yaml", "manifest.csv"] {
            try FileManager.default.copyItem(
                at: TestSupport.fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    @Test func mainJobWritesTheGoldenTables() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(
            ["analyze", "--manifest", "manifest.csv", "--lexicon", "codebook.yaml", "--out", "out", "--jobs", "2"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardError.contains("themescan: 3 document(s)"))
        for name in GoldenFileTests.outputNames {
            let produced = try Self.read(folder.appendingPathComponent("out").appendingPathComponent(name))
            let golden = try Self.read(TestSupport.fixtures.appendingPathComponent("golden").appendingPathComponent(name))
            #expect(produced == golden, "\(name) from the binary differs from the golden file")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no staging folder may be left behind")
    }

    @Test func badFilesAreReportedAndTheRestIsAnalyzed() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = folder.appendingPathComponent("sample")
        try Data([0x61, 0x62, 0x63, 0xFF, 0x20] + Array("抑郁".utf8)).write(to: sample.appendingPathComponent("broken.txt"))
        try Data().write(to: sample.appendingPathComponent("empty.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.txt").path, withDestinationPath: "nowhere")
        // A named pipe would block a reader forever.
        #expect(mkfifo(sample.appendingPathComponent("pipe.txt").path, 0o600) == 0)
        let run = try Self.run(
            ["analyze", "sample", "dangling.txt", "missing", "--lexicon", "codebook.yaml", "--out", "out"], in: folder)
        #expect(run.status == 0)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines.contains("sample/broken.txt: warning: invalid UTF-8 at byte 3; replaced with U+FFFD"))
        #expect(lines.contains("sample/empty.txt: error: file is empty; skipped"))
        #expect(lines.contains("dangling.txt: error: no such file or folder"))
        #expect(lines.contains("missing: error: no such file or folder"))
        #expect(lines.contains("sample/pipe.txt: error: not a regular file; skipped"))
        #expect(lines.contains { $0.hasPrefix("themescan: 4 document(s)") && $0.contains("1 file(s) skipped; 4 error(s); 1 warning(s)") })
        let documents = try Self.read(folder.appendingPathComponent("out/documents.csv"))
        #expect(documents.contains("broken.txt,broken.txt,sample/broken.txt,txt,UTF-8,7,"))
        #expect(!documents.contains("empty.txt"))
        let matches = try Self.read(folder.appendingPathComponent("out/matches.csv"))
        #expect(matches.contains("broken.txt,broken.txt,,unknown,1,issues,depression,抑郁,抑郁,5,7,abc\u{FFFD} ,"))
    }

    @Test func nothingReadableFailsAndKeepsEarlierResults() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("earlier".utf8).write(to: output.appendingPathComponent("codes.csv"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nothing"), withIntermediateDirectories: true)
        let run = try Self.run(["analyze", "nothing", "--lexicon", "codebook.yaml", "--out", "out"], in: folder)
        #expect(run.status != 0)
        #expect(run.standardError.contains("nothing: error: no readable files found"))
        #expect(run.standardError.contains("themescan: error: no document could be read; nothing written"))
        #expect(try Self.read(output.appendingPathComponent("codes.csv")) == "earlier")
    }

    @Test func strictTurnsErrorsIntoFailureWithoutWriting() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data().write(to: folder.appendingPathComponent("sample/empty.txt"))
        let run = try Self.run(["analyze", "sample", "--lexicon", "codebook.yaml", "--out", "out", "--strict"], in: folder)
        #expect(run.status != 0)
        #expect(run.standardError.contains("--strict: 1 error(s); nothing written"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func aBrokenCodebookIsLocatedAndNothingIsWritten() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("version: 1\nthemes:\n  - id: a\n    codes:\n      - id: x\n        terms: [\"*ing\"]\n".utf8)
            .write(to: folder.appendingPathComponent("bad.yaml"))
        let run = try Self.run(["analyze", "sample", "--lexicon", "bad.yaml", "--out", "out"], in: folder)
        #expect(run.status != 0)
        #expect(run.standardError.contains("bad.yaml:6:17: error: malformed wildcard in '*ing'"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    @Test func aFolderWithOtherFilesIsNeverReplaced() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: output.appendingPathComponent("my-notes.docx"))
        let run = try Self.run(["analyze", "sample", "--lexicon", "codebook.yaml", "--out", "out"], in: folder)
        #expect(run.status != 0)
        #expect(run.standardError.contains("out: error: output folder holds files themescan did not write (my-notes.docx)"))
        #expect(try Self.read(output.appendingPathComponent("my-notes.docx")) == "notes")
    }

    @Test func aSecondRunReplacesTheFirstWholly() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.run(["analyze", "sample", "--lexicon", "codebook.yaml", "--out", "out"], in: folder)
        #expect(first.status == 0)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sample/p03-en.md"))
        let second = try Self.run(["analyze", "sample", "--lexicon", "codebook.yaml", "--out", "out"], in: folder)
        #expect(second.status == 0)
        let documents = try Self.read(folder.appendingPathComponent("out/documents.csv"))
        #expect(!documents.contains("p03-en.md"))
        #expect(documents.contains("p01-zh.txt"))
    }

    /// `results/` must be what the README's main job writes today; a change that alters it re-runs the job.
    @Test func committedResultsAreCurrent() throws {
        let root = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let output = try TestSupport.temporaryFolder().appendingPathComponent("results")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let run = try Self.run(
            [
                "analyze", "--manifest", "transcripts/manifest.csv", "--lexicon", "lexicons/children-mental-health.yaml",
                "--group-by", "year", "--out", output.path,
            ],
            in: root)
        #expect(run.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        let committed = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("results").path)
        #expect(names == committed.sorted(), "results/ holds other files than the main job writes")
        #expect(names.contains("compare.csv") && names.contains("report.html"))
        // run.json records times and the command line, which differ from run to run.
        for name in names where name != "run.json" {
            let fresh = try Data(contentsOf: output.appendingPathComponent(name))
            let kept = try Data(contentsOf: root.appendingPathComponent("results").appendingPathComponent(name))
            #expect(fresh == kept, "results/\(name) is stale: run the README's main job and commit results/")
        }
    }

    @Test func interviewerLabelsFromTheCommandLineJoinTheBuiltInList() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = """
            说话人1 00:00:05
            最近抑郁的孩子多吗？
            说话人2 00:00:09
            抑郁的比较多，焦虑也有。
            访谈者 00:00:15
            还有抑郁吗？
            """
        try Data(transcript.utf8).write(to: folder.appendingPathComponent("auto.txt"))
        let run = try Self.run(
            [
                "analyze", "auto.txt", "--lexicon", "codebook.yaml", "--interviewer", "说话人1", "--speakers",
                "respondent", "--out", "out",
            ], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let matches = try Self.read(folder.appendingPathComponent("out/matches.csv"))
        let depression = matches.split(separator: "\r\n").filter { $0.contains(",depression,") }
        // 说话人1 is an interviewer by --interviewer and 访谈者 still by the built-in list: only 说话人2 counts.
        #expect(depression.count == 1)
        #expect(depression.first?.hasPrefix("auto.txt,auto.txt,说话人2,respondent,") == true)
        let documents = try Self.read(folder.appendingPathComponent("out/documents.csv"))
        #expect(documents.contains("说话人1 (interviewer); 说话人2 (respondent); 访谈者 (interviewer)"))
    }

    @Test func aFileNamedTwiceIsReadOnce() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(
            ["analyze", "sample", "sample/p01-zh.txt", "--lexicon", "codebook.yaml", "--out", "out"], in: folder)
        #expect(run.status == 0)
        #expect(run.standardError.contains("sample/p01-zh.txt: warning: same file as sample/p01-zh.txt; read once"))
        #expect(run.standardError.contains("themescan: 3 document(s)"))
    }

    @Test func optionsReachThePipeline() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(
            ["analyze", "sample", "--lexicon", "codebook.yaml", "--out", "out", "--no-simplify", "--label-language", "en",
             "--jobs", "1"],
            in: folder)
        #expect(run.status == 0)
        let codes = try Self.read(folder.appendingPathComponent("out/codes.csv"))
        // Without simplification the Traditional 抑鬱 in p02 no longer counts: 4 depression matches, not 5.
        #expect(codes.contains("issues,depression,Depression,4,2,2,"))
        let matches = try Self.read(folder.appendingPathComponent("out/matches.csv"))
        #expect(!matches.contains(",depression,抑郁,抑鬱,"))
    }
}
