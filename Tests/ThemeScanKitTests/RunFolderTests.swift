import Foundation
import Testing

@testable import ThemeScanKit

/// What `analyze` leaves in its output folder: the selected outputs, provenance, the same bytes whatever the
/// number of threads, and earlier results untouched when a run is interrupted.
@Suite struct RunFolderTests {
    static func analyze(_ extra: [String], in folder: URL) throws -> EndToEndTests.Run {
        try EndToEndTests.run(["analyze", "sample", "--lexicon", "codebook.yaml"] + extra, in: folder)
    }

    static func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func oneThreadAndSeveralWriteTheSameBytesButForRunTimes() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.analyze(["--out", "one", "--jobs", "1"], in: folder).status == 0)
        #expect(try Self.analyze(["--out", "many", "--jobs", "4"], in: folder).status == 0)
        let one = folder.appendingPathComponent("one")
        let many = folder.appendingPathComponent("many")
        let names = try Self.files(in: one)
        #expect(names == (try Self.files(in: many)))
        #expect(names.contains("run.json") && names.contains("words.csv"))
        for name in names where name != "run.json" {
            let first = try Data(contentsOf: one.appendingPathComponent(name))
            let second = try Data(contentsOf: many.appendingPathComponent(name))
            #expect(first == second, "\(name) differs between 1 and 4 threads")
        }
    }

    @Test func runJSONRecordsInputsCodebooksAndTotals() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.analyze(["--out", "out", "--label", "2024"], in: folder).status == 0)
        let provenance = try RunProvenance.read(folder: folder.appendingPathComponent("out").path)
        #expect(provenance.label == "2024")
        #expect(provenance.icu.hasPrefix("72"))
        #expect(Array(provenance.commandLine.dropFirst()) == [
            "analyze", "sample", "--lexicon", "codebook.yaml", "--out", "out", "--label", "2024",
        ])
        #expect(provenance.inputs.map(\.path) == ["sample/p01-zh.txt", "sample/p02-hk.txt", "sample/p03-en.md"])
        let first = try #require(provenance.inputs.first)
        let bytes = try Data(contentsOf: folder.appendingPathComponent("sample/p01-zh.txt"))
        #expect(first.size == bytes.count)
        #expect(first.sha256 == SHA256.hexDigest([UInt8](bytes)))
        #expect(first.format == "txt" && first.encoding == "UTF-8" && first.documents == 1 && !first.skipped)
        #expect(provenance.codebooks.map(\.path) == ["codebook.yaml"])
        #expect(provenance.codebooks.first?.codes == 10)
        let codebookBytes = try Data(contentsOf: folder.appendingPathComponent("codebook.yaml"))
        #expect(provenance.codebooks.first?.sha256 == SHA256.hexDigest([UInt8](codebookBytes)))
        let codebook = try CodebookLoader(classifier: TestSupport.classifier)
            .load(path: folder.appendingPathComponent("codebook.yaml").path).codebook
        #expect(provenance.codebooks.first?.themes == codebook.themes.count)
        #expect(provenance.codebooks.first?.terms == codebook.codes.reduce(0) { $0 + $1.code.terms.count })
        #expect(provenance.totals.documents == 3 && provenance.totals.cases == 3)
        #expect(provenance.simplifyChinese && provenance.speakers == "all")
        #expect(provenance.totals.occurrences > 0)
        #expect(provenance.finished >= provenance.started)
    }

    @Test func outputsSelectsWhatIsWrittenAndExcelCSVAddsAByteOrderMark() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.analyze(["--out", "json", "--outputs", "json"], in: folder).status == 0)
        let json = try Self.files(in: folder.appendingPathComponent("json"))
        #expect(json.allSatisfy { $0.hasSuffix(".json") }, "\(json)")
        #expect(json.contains("codes.json") && json.contains("run.json"))
        #expect(try Self.analyze(["--out", "csv", "--outputs", "csv", "--excel-csv"], in: folder).status == 0)
        let csv = try Self.files(in: folder.appendingPathComponent("csv"))
        #expect(csv.filter { $0.hasSuffix(".csv") }.count == 9)
        for name in csv where name.hasSuffix(".csv") {
            let bytes = try Data(contentsOf: folder.appendingPathComponent("csv").appendingPathComponent(name))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(name) has no byte order mark")
        }
        let wrong = try Self.analyze(["--out", "x", "--outputs", "csv,pdf"], in: folder)
        #expect(wrong.status != 0)
        #expect(wrong.standardError.contains("unknown output 'pdf'"))
    }

    @Test func withoutCSVNoRowIsWrittenAndTheOtherOutputsAreTheSame() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.analyze(["--out", "all"], in: folder).status == 0)
        #expect(try Self.analyze(["--out", "some", "--outputs", "html,json,svg,xlsx"], in: folder).status == 0)
        let all = folder.appendingPathComponent("all")
        let some = folder.appendingPathComponent("some")
        let names = try Self.files(in: some)
        #expect(!names.contains("matches.csv"))
        #expect(names.contains("report.html") && names.contains("results.xlsx") && names.contains("words.svg"))
        // The report quotes passages; without matches.csv they come from the samples kept while analyzing. Its
        // command line names --outputs, so only its passages are compared.
        func passages(in folder: URL) throws -> Substring {
            let report = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
            let start = try #require(report.range(of: "<section id=\"passages\">"))
            let end = try #require(report.range(of: "</section>", range: start.upperBound..<report.endIndex))
            return report[start.lowerBound..<end.upperBound]
        }
        let quoted = try passages(in: some)
        #expect(quoted.contains("<ol class=\"passages\">"))
        #expect(quoted == (try passages(in: all)))
        for name in names where name != "run.json" && name != "report.html" {
            let first = try Data(contentsOf: all.appendingPathComponent(name))
            let second = try Data(contentsOf: some.appendingPathComponent(name))
            #expect(first == second, "\(name) differs when CSV is not selected")
        }
    }

    /// A corpus large enough that the analysis is still running when the signal arrives.
    static func largeInput(in folder: URL) throws {
        let sentence = "孩子有抑郁情绪，学校做个案管理，家长参加亲子活动，我们讨论校园欺凌问题。\n"
        try Data(String(repeating: sentence, count: 40_000).utf8).write(
            to: folder.appendingPathComponent("sample/large.txt"))
    }

    @Test(arguments: [("interrupt", Int32(130)), ("terminate", Int32(143))])
    func aStoppedRunLeavesEarlierResultsAndNoPartialFiles(signal: String, status: Int32) throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.analyze(["--out", "out"], in: folder).status == 0)
        let output = folder.appendingPathComponent("out")
        let before = try Self.files(in: output).map { try Data(contentsOf: output.appendingPathComponent($0)) }
        try Self.largeInput(in: folder)

        let process = Process()
        process.executableURL = try EndToEndTests.binary()
        process.arguments = ["analyze", "sample", "--lexicon", "codebook.yaml", "--out", "out", "--jobs", "1"]
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Signal once the run has opened its staging folder, so there is something half-written to clean up.
        var staged = false
        for _ in 0..<600 where process.isRunning {
            if try Self.files(in: folder).contains(where: { $0.hasPrefix(".out.themescan-new-") }) {
                staged = true
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(staged)
        signal == "interrupt" ? process.interrupt() : process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == status)
        #expect(try Self.files(in: folder).filter { $0.hasPrefix(".") }.isEmpty, "no staging folder may be left")
        let after = try Self.files(in: output).map { try Data(contentsOf: output.appendingPathComponent($0)) }
        #expect(after == before, "earlier results must be untouched")
    }

    @Test func forceWritesBesideOtherFilesAndLeavesThemAlone() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("my notes".utf8).write(to: output.appendingPathComponent("notes.txt"))
        let refused = try Self.analyze(["--out", "out"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("out: error: output folder holds files themescan did not write (notes.txt)"))
        #expect(try Self.files(in: output) == ["notes.txt"])

        #expect(try Self.analyze(["--out", "out", "--force"], in: folder).status == 0)
        #expect(try Self.files(in: output).contains("codes.json"))
        // A second forced run replaces its own earlier outputs, stale ones included, and nothing else.
        #expect(try Self.analyze(["--out", "out", "--force", "--outputs", "csv"], in: folder).status == 0)
        let names = try Self.files(in: output)
        #expect(names.contains("notes.txt") && names.contains("codes.csv") && !names.contains("codes.json"))
        #expect(try EndToEndTests.read(output.appendingPathComponent("notes.txt")) == "my notes")
        #expect(try Self.files(in: folder).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func theWorkbookReadsBackAsTheTables() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.analyze(["--out", "out"], in: folder).status == 0)
        let output = folder.appendingPathComponent("out")
        let bytes = [UInt8](try Data(contentsOf: output.appendingPathComponent("results.xlsx")))
        let workbook = try XLSXWorkbook(bytes: bytes, path: "results.xlsx")
        #expect(workbook.sheetNames == ["codes", "terms", "case_codes", "case_themes", "words", "cooccurrence", "documents"])
        for sheet in workbook.sheetNames {
            let csv = try CSVParser().records(in: try EndToEndTests.read(output.appendingPathComponent(sheet + ".csv")))
            let rows = try workbook.rows(ofSheet: sheet).rows
            #expect(rows.count == csv.count, "\(sheet) rows")
            for (row, record) in zip(rows, csv) {
                // Numbers come back as Excel writes them (1.50 as 1.5); trailing empty cells are not stored.
                let cells = row.cells + Array(repeating: "", count: max(0, record.fields.count - row.cells.count))
                let expected = record.fields.map { field in Double(field).map { Self.shortest($0) } ?? field }
                let found = cells.map { cell in Double(cell).map { Self.shortest($0) } ?? cell }
                #expect(Array(found.prefix(expected.count)) == expected, "\(sheet) row \(row.number)")
            }
        }
    }

    static func shortest(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
