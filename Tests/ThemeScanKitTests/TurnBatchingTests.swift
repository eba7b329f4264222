import Foundation
import Testing

@testable import ThemeScanKit

/// Short turns are word-segmented together, many to one ICU text; each turn must still get exactly its own words.
@Suite struct TurnBatchingTests {
    /// Turns that end and start with pieces ICU would join into one token if nothing stood between them: Latin
    /// letters, digits, and Han characters that make dictionary words together (亲子|关系).
    static let turnTexts = [
        "I was depress", "ed about it 12", "34 and the parent", "child relationship 亲子", "关系很好，情绪低落",
        "抑郁", "症状 😀𠀀𠀁 bullying", "case", "management 个案", "管理。",
    ]

    static func document(turns count: Int) -> Document {
        var text = ""
        var segments: [Segment] = []
        for index in 0..<count {
            let turn = turnTexts[index % turnTexts.count]
            segments.append(
                Segment(speaker: index % 2 == 0 ? "访谈者" : "受访者", role: index % 2 == 0 ? .interviewer : .respondent,
                        text: turn, start: text.unicodeScalars.count))
            text += turn + "\n"
        }
        return Document(
            id: "doc", caseID: "c", source: "doc.txt", format: .text, encoding: "UTF-8", text: text, segments: segments)
    }

    static func analyzer(_ matcher: Matcher) throws -> DocumentAnalyzer {
        try DocumentAnalyzer(
            matcher: matcher, contextLength: 20, speakers: .all,
            rowRenderer: MatchRowRenderer(codes: matcher.codes, terms: matcher.terms),
            wordList: WordListSettings(minimumCharacters: 1))
    }

    /// Role counts are kept in an array by `SpeakerRole.index` and named by `allCases`: the two must agree.
    @Test func roleIndicesFollowAllCases() {
        #expect(SpeakerRole.allCases.map(\.index) == Array(SpeakerRole.allCases.indices))
    }

    @Test func eachTurnGetsTheTokensItHasAlone() throws {
        let matcher = try TestSupport.matcher(codes: [("d", ["抑郁", "depress*"], []), ("p", ["亲子关系", "case management"], [])])
        // Enough turns for several batches, so turns sit on both sides of every batch end.
        let document = Self.document(turns: 3 * DocumentAnalyzer.batchLength / 8)
        let analysis = try Self.analyzer(matcher).analyze(document, index: 0)

        let normalizer = try TextNormalizer(options: matcher.normalization, traditional: matcher.traditionalCharacters)
        let segmenter = try WordSegmenter()
        var expectedTokens = 0
        var expectedRoleTokens: [String: Int] = [:]
        var expectedWords: [String: Int] = [:]
        for segment in document.segments {
            let units = try normalizer.normalize(segment.text.utf16Units).units
            let tokens = try segmenter.words(in: units)
            expectedTokens += tokens.count
            expectedRoleTokens[segment.role.rawValue, default: 0] += tokens.count
            // The same turn analyzed as a document of its own: the words it contributes.
            let alone = Document(
                id: "t", caseID: "c", source: "t.txt", format: .text, encoding: "UTF-8", text: segment.text,
                segments: [Segment(speaker: segment.speaker, role: segment.role, text: segment.text, start: 0)])
            for (word, count) in try Self.analyzer(matcher).analyze(alone, index: 0).tally.words {
                expectedWords[word, default: 0] += count
            }
        }
        #expect(analysis.tally.tokens == expectedTokens)
        #expect(analysis.tally.roleTokens == expectedRoleTokens)
        #expect(analysis.tally.words == expectedWords)
        // No word made of two turns' pieces (split numbers show in the token count above).
        #expect(analysis.tally.words["depressed"] == nil && analysis.tally.words["亲子关系"] == nil)
        #expect(analysis.tally.words["depress"] != nil)
    }

    @Test func rowsNameTheTurnTheyComeFrom() throws {
        let matcher = try TestSupport.matcher(codes: [("d", ["抑郁"], []), ("p", ["亲子关系"], [])])
        let document = Self.document(turns: DocumentAnalyzer.batchLength / 4)
        let analysis = try Self.analyzer(matcher).analyze(document, index: 0)
        let rows = String(decoding: analysis.matchRows, as: UTF8.self).split(separator: "\r\n")
        // 抑郁 is turn 6 of every ten and 亲子关系 is never inside one turn.
        #expect(rows.count == document.segments.indices.count { $0 % 10 == 5 })
        for (index, row) in rows.enumerated() {
            #expect(row.hasPrefix("doc,c,受访者,respondent,\(index * 10 + 6),t,d,抑郁,抑郁,"))
        }
    }
}
