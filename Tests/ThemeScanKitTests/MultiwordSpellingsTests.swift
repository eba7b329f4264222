import Testing

@testable import ThemeScanKit

/// A multiword term counts as one word written with one space, however the text spaces or breaks it.
@Suite struct MultiwordSpellingsTests {
    @Test func everySpellingCountsAsTheSameWord() throws {
        let matcher = try TestSupport.matcher(codes: [("case-management", ["case management"], []), ("depression", ["抑郁"], [])])
        let text = "case management, then case  management.\nCase\nManagement and case\tmanagement; 抑郁 and case management."
        let document = Document(
            id: "doc", caseID: "doc", source: "doc.txt", format: .text, encoding: "UTF-8", text: text,
            segments: [Segment(text: text, start: 0)])
        let analysis = try DocumentAnalyzer(matcher: matcher, wordList: WordListSettings()).analyze(document, index: 0)
        #expect(analysis.tally.words["case management"] == 5)
        #expect(analysis.tally.wordCodes["case management"] == [0])
        #expect(analysis.tally.words["抑郁"] == 1)
        #expect(!analysis.tally.words.keys.contains { $0.contains("\n") || $0.contains("\t") || $0.contains("  ") })
    }
}
