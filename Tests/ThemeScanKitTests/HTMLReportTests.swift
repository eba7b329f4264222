import Foundation
import Testing

@testable import ThemeScanKit

/// `report.html`: a small model against a committed golden page, plus checks that hold for any model.
///
/// Re-record on purpose only: `THEMESCAN_RECORD_GOLDEN=1 swift test --filter HTMLReportTests`, then look at the
/// page (`Tests/report-screenshot.sh Tests/ThemeScanKitTests/Fixtures/golden/report.html shot.png`).
@Suite struct HTMLReportTests {
    static let codeCloud = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
        <svg xmlns="http://www.w3.org/2000/svg" width="480" height="200" viewBox="0 0 480 200" font-family="Noto Sans CJK SC, sans-serif">
          <rect width="480" height="200" fill="#f6f8fa"/>
          <text x="40" y="90" font-size="56" fill="#1f77b4">抑郁</text>
          <text x="220" y="80" font-size="40" fill="#d62728">个案管理</text>
          <text x="60" y="160" font-size="30" fill="#2ca02c">情绪</text>
          <text x="200" y="150" font-size="24" fill="#9467bd">bullying</text>
        </svg>
        """
    static let wordCloud = """
        <svg xmlns="http://www.w3.org/2000/svg" width="360" height="120" viewBox="0 0 360 120">
          <text x="20" y="70" font-size="44" fill="#ff7f0e">孩子</text>
          <text x="150" y="60" font-size="30" fill="#8c564b">学校</text>
          <text x="250" y="100" font-size="22" fill="#17becf">压力</text>
        </svg>
        """

    static let model = ReportModel(
        title: "儿童心理健康项目 · 主题编码",
        run: ReportRunFacts(
            toolVersion: "themescan 0.9.0", date: "2026-11-29",
            commandLine: "themescan analyze transcripts --lexicon codebook.yaml --out results",
            codebooks: ["codebook.yaml (儿童心理健康)"]),
        corpus: ReportCorpusSummary(
            documents: 4, cases: 3, tokens: 12_345, characters: 23_456,
            formats: [ReportCount(label: "txt", count: 3), ReportCount(label: "docx", count: 1)],
            encodings: [ReportCount(label: "UTF-8", count: 3), ReportCount(label: "GB18030", count: 1)],
            speakerRoles: [
                ReportCount(label: "interviewer", count: 40, tokens: 2_100),
                ReportCount(label: "respondent", count: 44, tokens: 10_245),
            ]),
        topCodes: [
            ReportCodeBar(label: "抑郁", theme: "情绪与心理", occurrences: 22, cases: 3),
            ReportCodeBar(label: "个案管理", theme: "服务方式", occurrences: 20, cases: 2),
            ReportCodeBar(label: "情绪", theme: "情绪与心理", occurrences: 21, cases: 2),
            ReportCodeBar(label: "bullying", theme: "School & peers", occurrences: 4, cases: 1),
        ],
        codeCloudSVG: codeCloud, wordCloudSVG: wordCloud,
        heatMap: ReportHeatMap(
            caseIDs: ["P01", "P02", "P03 <外展>"],
            codeLabels: ["抑郁", "情绪", "个案管理", "创伤", "bullying"],
            counts: [[10, 12, 15, 0, 0], [8, 9, 5, 0], [4, 0, 0, 0, 4]]),
        samples: [
            ReportCodeSample(
                label: "抑郁", theme: "情绪与心理", totalMatches: 22,
                passages: [
                    ReportPassage(
                        documentID: "p01.txt", caseID: "P01", speaker: "受访者", left: "很多孩子有", surface: "抑郁症",
                        right: "的倾向，需要"),
                    ReportPassage(documentID: "p02.docx", caseID: "P02", left: "", surface: "抑鬱", right: "情緒比較常見"),
                ]),
            ReportCodeSample(
                label: "bullying", theme: "School & peers", totalMatches: 4,
                passages: [
                    ReportPassage(
                        documentID: "p03.txt", caseID: "P03 <外展>", speaker: "R", left: "<script>alert(1)</script> kids & ",
                        surface: "Bullying", right: " \"at\" school")
                ]),
        ],
        unmatchedCodes: ["创伤 (情绪与心理)", "预防"],
        warnings: ["transcripts/p04.txt:12:1: warning: line has no speaker label; read as the previous speaker's turn"],
        footer: "Made by themescan 0.9.0 with ICU 72.1")

    static let golden = TestSupport.fixtures.appendingPathComponent("golden/report.html")

    @Test func matchesGoldenFile() throws {
        let page = HTMLReport.render(Self.model)
        if GoldenFileTests.recording { try Data(page.utf8).write(to: Self.golden) }
        let expected = try String(contentsOf: Self.golden, encoding: .utf8)
        #expect(page == expected, "report.html differs from Fixtures/golden/report.html")
        #expect(HTMLReport.render(Self.model) == page)
    }

    @Test func dataIsEscaped() {
        let page = HTMLReport.render(Self.model)
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; kids &amp; <mark>Bullying</mark> &quot;at&quot; school"))
        #expect(page.contains("P03 &lt;外展&gt;"))
        #expect(page.contains("School &amp; peers"))
        #expect(!page.contains("<外展>"))
    }

    @Test func fetchesNothingAndRunsNothing() {
        let page = HTMLReport.render(Self.model).lowercased()
        for forbidden in ["http://", "https://", "src=", "<script", "<link", "@import", "url(", "<?xml", "<!doctype svg"] {
            #expect(!page.contains(forbidden), "the page must not contain \(forbidden)")
        }
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"zh\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("font-family: \"noto sans cjk sc\", \"source han sans sc\", \"pingfang sc\", \"microsoft yahei\", sans-serif;"))
    }

    @Test func structureParsesAsHTML() throws {
        let tree = try XMLTree(html: Array(HTMLReport.render(Self.model).utf8), encoding: "UTF-8")
        func nodes(_ path: String) throws -> [XMLNode] { try tree.evaluate(path).nodes }
        #expect(try nodes("/html[@lang='zh']").count == 1)
        #expect(try nodes("//title").first?.textContent == "儿童心理健康项目 · 主题编码")
        #expect(try nodes("//section").map { $0.attribute("id") ?? "" } == [
            "corpus", "top-codes", "clouds", "heat-map", "passages", "unmatched", "warnings",
        ])
        // One bar per code, the longest for the most cases.
        let bars = try nodes("//table[@class='bars']//div[@class='bar']").map { $0.attribute("style") ?? "" }
        #expect(bars.count == 4)
        #expect(bars.first?.hasPrefix("width:100.0%") == true)
        #expect(bars.last?.hasPrefix("width:33.3%") == true)
        // Both clouds inline, with their Chinese text.
        #expect(try nodes("//figure[@class='cloud']/svg").count == 2)
        #expect(try nodes("//svg//text").map(\.textContent).contains("个案管理"))
        // The heat map: a row per case, a column per code that occurs (创伤 never does), shaded cells.
        #expect(try nodes("//div[@class='heat']//tbody/tr").count == 3)
        #expect(try nodes("//div[@class='heat']//th[@class='code']").map(\.textContent) == ["抑郁", "情绪", "个案管理", "bullying"])
        let darkest = try nodes("//div[@class='heat']//td[.='15']").first?.attribute("style")
        #expect(darkest == "background:rgba(31,119,180,1);color:#fff")
        let faint = try nodes("//div[@class='heat']//td[.='4']").first?.attribute("style")
        #expect(faint == "background:rgba(31,119,180,0.27)")
        #expect(try nodes("//div[@class='heat']//tbody/tr[2]/td").count == 4, "a short row counts as zeros")
        // Every passage highlighted once, with its surface.
        #expect(try nodes("//ol[@class='passages']/li/span[@class='kwic']/mark").map(\.textContent) == ["抑郁症", "抑鬱", "Bullying"])
        #expect(try nodes("//ul[@class='unmatched']/li").count == 2)
        #expect(try nodes("//ul[@class='warnings']/li").first?.textContent.hasPrefix("transcripts/p04.txt:12:1: warning:") == true)
    }

    @Test func emptyModelStillRenders() throws {
        let model = ReportModel(
            title: "empty", run: ReportRunFacts(toolVersion: "t", date: "d", commandLine: "c", codebooks: []),
            corpus: ReportCorpusSummary(documents: 0, cases: 0, tokens: 0, characters: 0))
        let page = HTMLReport.render(model)
        #expect(page.contains("No code matched."))
        #expect(page.contains("No code occurs in any case."))
        #expect(page.contains("No cloud was drawn."))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test func formatting() {
        #expect(HTMLReport.grouped(0) == "0")
        #expect(HTMLReport.grouped(999) == "999")
        #expect(HTMLReport.grouped(1_234_567) == "1,234,567")
        #expect(HTMLReport.grouped(-12_345) == "-12,345")
        #expect(HTMLReport.percent(1, of: 3) == "33.3%")
        #expect(HTMLReport.percent(2, of: 3) == "66.7%")
        #expect(HTMLReport.percent(5, of: 0) == "0.0%")
        #expect(HTMLReport.escape("a\u{1}b\u{7F}") == "ab\u{7F}")
        #expect(HTMLReport.inlineSVG(Self.codeCloud).hasPrefix("<svg width=\"480\""))
    }

    /// A run with more cases than the heat map takes shows those with the most occurrences, in case order, and
    /// says how many it left out.
    @Test func heatMapOfManyCasesShowsTheMostCoded() throws {
        // Counted as cases of several documents, and as finished cases (each its own only document).
        var tallies = [CorpusTally(codeCount: 2, termCount: 1), CorpusTally(codeCount: 2, termCount: 1)]
        let cases = (0..<7).map { "case-\($0)" }
        for (position, caseID) in cases.enumerated() {
            var document = DocumentTally(caseID: caseID, tokens: 1, characters: 1, codeCount: 2, termCount: 1)
            // Totals 0, 5, 2, 5, 1, 9, 2: the three largest are cases 5, 1 and 3 (1 before 3 on the tie).
            document.codeOccurrences = [[0, 0], [4, 1], [2, 0], [0, 5], [1, 0], [3, 6], [1, 1]][position]
            tallies[0].add(document)
            tallies[1].add(document, completingCaseAt: 1)
        }
        for tally in tallies {
            let list = try CaseList(table: tally.caseCodeOccurrences)
            #expect(Array(list) == cases)
            #expect(RunOutputs.heatMapRows(cases: list, limit: 3) == [1, 3, 5])
            #expect(RunOutputs.heatMapRows(cases: list, limit: 7) == Array(0..<7))
            #expect(list.codeCounts(at: 5, width: 2) == [3, 6] && list.codeCounts(at: 0, width: 2) == [0, 0])
        }
        // At the edge of the map, the earlier of cases with as many occurrences is shown.
        var ties = CaseCountTable()
        for caseID in ["t1", "t2", "t3", "t4"] { ties.add(case: caseID, [(key: 0, count: caseID == "t4" ? 1 : 3)]) }
        #expect(RunOutputs.heatMapRows(cases: try CaseList(table: ties), limit: 2) == [0, 1])
        #expect(RunOutputs.heatMapCases == 200)

        var model = Self.model
        model.heatMap.hiddenCases = 4
        let tree = try XMLTree(html: Array(HTMLReport.render(model).utf8), encoding: "UTF-8")
        let note = try tree.evaluate("//section[@id='heat-map']/p[@class='note']").nodes.first?.textContent ?? ""
        #expect(note.hasSuffix("The 3 cases with the most occurrences are shown, of 7; case_codes.csv has every case."))
        #expect(!HTMLReport.render(Self.model).contains("cases with the most occurrences"))
    }
}
