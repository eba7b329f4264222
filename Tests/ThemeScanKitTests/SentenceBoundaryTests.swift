import Testing

@testable import ThemeScanKit

/// Text without full stops is cut into sentences without ICU's iterator; the cuts must be ICU's, character class
/// by character class and in every order.
@Suite struct SentenceBoundaryTests {
    /// One or more characters of every Sentence_Break class, and of the sequences the rules treat apart (CR LF).
    static let pieces: [String] = [
        "孩子", "a", "B", "7", "，", ",", "、", ":", "-", "。", "！", "？", "!", "?", "‼", "︒", "”", "」", "）", ")",
        "\"", "'", "“", "（", " ", "\u{3000}", "\u{A0}", "\t", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{301}", "\u{200D}", "\u{AD}", "\u{2060}", "😀", "𠀀", "\u{1F1E8}\u{1F1F3}", "\u{FEFF}", "lone lead", "lone trail",
    ]

    static func units(_ piece: String) -> [UInt16] {
        switch piece {
        // A String cannot hold a lone surrogate; these pieces stand for one.
        case "lone lead": return [0xD800]
        case "lone trail": return [0xDC00]
        default: return Array(piece.utf16)
        }
    }

    @Test func textsWithoutFullStopsAreCutWhereICUCutsThem() throws {
        let segmenter = try SentenceSegmenter()
        let table = SentenceBreakTable()
        var generator = MatcherPropertyTests.Generator(state: 2029)
        var read = 0
        for round in 0..<4_000 {
            var units: [UInt16] = []
            for _ in 0..<(1 + generator.next(round < 2_000 ? 8 : 40)) {
                units += Self.units(Self.pieces[generator.next(Self.pieces.count)])
            }
            guard let found = SentenceSegmenter.boundariesWithoutFullStops(in: units, table: table) else { continue }
            read += 1
            #expect(found == (try segmenter.icuBoundaries(in: units)), "\(units.map { String($0, radix: 16) })")
        }
        #expect(read > 3_000)
    }

    @Test func fullStopsAreLeftToICU() throws {
        let table = SentenceBreakTable()
        for text in ["Mr. Smith came.", "3.5", "etc．", "a\u{2024}b", "孩子。他说. 好"] {
            #expect(SentenceSegmenter.boundariesWithoutFullStops(in: Array(text.utf16), table: table) == nil, "\(text)")
        }
        // And the segmenter still finds their sentences, through ICU.
        let segmenter = try SentenceSegmenter()
        #expect(try segmenter.sentences(in: "He came. She left.") == [0..<9, 9..<18])
    }

    @Test func chineseTurnsAreCutAfterTheirTerminators() throws {
        let segmenter = try SentenceSegmenter()
        let text = "孩子很焦虑。“不想去！”他说？？然后，\n家长来了"
        let sentences = try segmenter.sentences(in: text).map { String(text.unicodeScalars[unicodeScalarRange($0, in: text)]) }
        // An opening quotation mark is a Close character too, so it stays with the sentence before it, as in ICU.
        #expect(sentences == ["孩子很焦虑。“", "不想去！”", "他说？？", "然后，\n", "家长来了"])
        let units = Array(text.utf16)
        #expect(try segmenter.boundaries(in: units) == (try segmenter.icuBoundaries(in: units)))
    }

    private func unicodeScalarRange(_ range: Range<Int>, in text: String) -> Range<String.UnicodeScalarView.Index> {
        let scalars = text.unicodeScalars
        return scalars.index(scalars.startIndex, offsetBy: range.lowerBound)..<scalars.index(scalars.startIndex, offsetBy: range.upperBound)
    }
}
