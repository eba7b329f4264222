import Testing

@testable import ThemeScanKit

/// An analyzer that keeps no matches and renders no rows still counts every match and samples the first ones.
@Suite struct MatchKeepingTests {
    @Test func countsAndSamplesWithoutKeepingMatches() throws {
        let matcher = try TestSupport.matcher(codes: [("depression", ["抑郁"], []), ("case-management", ["个案管理"], [])])
        let text = "孩子有抑郁情绪，学校做个案管理。\n老师说抑郁很常见。个案管理有用，抑郁也少了。"
        let document = Document(
            id: "doc", caseID: "doc", source: "doc.txt", format: .text, encoding: "UTF-8", text: text,
            segments: [Segment(speaker: "A", text: text, start: 0), Segment(speaker: "B", text: "抑郁", start: 100)])
        func analyze(keepingMatches: Bool) throws -> DocumentAnalysis {
            let analyzer = try DocumentAnalyzer(matcher: matcher, wordList: WordListSettings())
            analyzer.samplesPerCode = 2
            analyzer.keepsMatches = keepingMatches
            return try analyzer.analyze(document, index: 0)
        }
        let kept = try analyze(keepingMatches: true)
        let counted = try analyze(keepingMatches: false)
        #expect(kept.matches.count == 6)
        #expect(counted.matches.isEmpty)
        #expect(counted.tally == kept.tally)
        #expect(counted.tally.codeOccurrences == [4, 2])
        #expect(counted.samples == kept.samples)
        #expect(counted.samples[0]?.map(\.sentence) == ["孩子有抑郁情绪，学校做个案管理。", "老师说抑郁很常见。"])
        #expect(counted.samples[1]?.map(\.start) == [11, 26])
    }
}
