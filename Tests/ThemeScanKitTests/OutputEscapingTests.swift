import Foundation
import Testing

@testable import ThemeScanKit

/// Transcript text and file names are data, never markup or formulas, in every output that could run them.
@Suite struct OutputEscapingTests {
    /// A transcript whose name and text carry markup, an XML section end and a spreadsheet formula, each next to a
    /// coded term so that it reaches the passages, the clouds and the tables.
    static let hostileName = "<img src=x onerror=alert(1)>.txt"
    /// A second transcript whose name reads as a spreadsheet formula; file names reach the workbook's sheets.
    static let formulaName = "=SUM(1,2).txt"
    static let hostileText = """
        Interviewer: What do children say about bullying?
        Respondent: They write "</p><script>alert(1)</script>bullying" & depression ]]> <!-- end -->.
        Respondent: =HYPERLINK("http://example.invalid","bullying") was typed into the form, next to depression.

        """

    static func analyzeHostileTranscript() throws -> (folder: URL, out: URL) {
        let folder = try TestSupport.temporaryFolder()
        try FileManager.default.copyItem(
            at: TestSupport.fixtures.appendingPathComponent("codebook.yaml"), to: folder.appendingPathComponent("codebook.yaml"))
        for name in [hostileName, formulaName] {
            try hostileText.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let run = try EndToEndTests.run(
            ["analyze", hostileName, formulaName, "--lexicon", "codebook.yaml", "--out", "out", "--quiet"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        return (folder, folder.appendingPathComponent("out"))
    }

    /// The report shows the passage and the file name as text: the markup arrives escaped, never as elements.
    @Test func reportEscapesTranscriptTextAndFileNames() throws {
        let (folder, out) = try Self.analyzeHostileTranscript()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(!report.contains("<script>alert"))
        #expect(!report.contains("<img src=x"))
        #expect(!report.contains("]]> <!--"))
        #expect(report.contains("alert(1)&lt;/script&gt;"), "the passage must be in the report, escaped")
        #expect(report.contains("&lt;img src=x onerror=alert(1)&gt;"), "the file name must be in the report, escaped")
        // The only scripts a report may hold are none at all: it is a static page.
        #expect(!report.lowercased().contains("<script"))
        // Nor does it load anything: a report opened offline, or on a machine that must not reach out, is complete.
        #expect(!report.contains("src=\"http") && !report.contains("href=\"http") && !report.contains("url(http"))
    }

    /// Both clouds are well-formed XML whatever the words are, and carry no script element.
    @Test func cloudsStayWellFormed() throws {
        let (folder, out) = try Self.analyzeHostileTranscript()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["wordcloud.svg", "words.svg"] {
            let bytes = Array(try Data(contentsOf: out.appendingPathComponent(name)))
            let tree = try XMLTree(xml: bytes)
            let scripts = try tree.evaluate("count(//*[local-name()='script'])", namespaces: [:])
            guard case .value(let count) = scripts else {
                Issue.record("count() must give a value")
                continue
            }
            #expect(count == "0", "\(name) must hold no script element")
        }
    }

    /// The workbook stores every text cell as a string, so a cell that starts with `=` is never a formula.
    @Test func workbookHasNoFormulas() throws {
        let (folder, out) = try Self.analyzeHostileTranscript()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try ZipArchiveReader(
            bytes: Array(try Data(contentsOf: out.appendingPathComponent("results.xlsx"))), path: "results.xlsx")
        var sawFormulaText = false
        for name in archive.entryNames where name.hasSuffix(".xml") {
            let part = String(decoding: try archive.bytes(of: name), as: UTF8.self)
            #expect(!part.contains("<f>") && !part.contains("<f "), "\(name) must hold no formula")
            if part.contains("=SUM(1,2)") { sawFormulaText = true }
        }
        #expect(sawFormulaText, "the formula-like file name must be in the workbook, as text")
    }
}
