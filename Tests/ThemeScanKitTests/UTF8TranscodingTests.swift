import Testing

@testable import ThemeScanKit

/// The direct UTF-8 loops give what the standard library's views give, for every UTF-8 length.
@Suite struct UTF8TranscodingTests {
    static let samples = [
        "", "plain ASCII, with punctuation.", "café Straße ñ", "访谈者：我觉得压力很大。", "抑鬱 甚麼",
        "emoji 😀 and 𠀀𪚥 outside the BMP", "mixed\nlines\r\nand\ttabs 𝒳", String(repeating: "孩子😊", count: 500),
    ]

    @Test(arguments: samples)
    func utf16UnitsMatchTheUTF16View(_ text: String) {
        #expect(text.utf16Units == Array(text.utf16))
    }

    @Test(arguments: samples)
    func scalarArrayMatchesTheScalarView(_ text: String) {
        #expect(text.unicodeScalarArray == Array(text.unicodeScalars))
    }

    @Test(arguments: samples)
    func scalarCountMatchesTheScalarView(_ text: String) {
        #expect(text.unicodeScalarCount == text.unicodeScalars.count)
    }

    /// Counted eight bytes at a time: every length and every mix of widths across a word's bytes and the tail.
    @Test func scalarCountIsRightForEveryPrefix() {
        let scalars = Array("aé孩😀b\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}访谈者：压力 stress 𠀀".unicodeScalars)
        for length in 0...scalars.count {
            for start in 0...min(3, length) {
                let text = String(String.UnicodeScalarView(scalars[start..<length]))
                #expect(text.unicodeScalarCount == length - start, "\(start)..<\(length)")
            }
        }
    }

    @Test(arguments: samples)
    func trimmedTextsAtScalarRangesMatchTheScalarView(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            let end = min(scalars.count, start + 1 + start % 7)
            ranges.append(start..<end)
            start = end + start % 3
        }
        // Out of order and empty ranges restart the walk and give empty text.
        ranges += ranges.reversed() + [scalars.count..<scalars.count, 0..<0]
        let expected = ranges.map { String(String.UnicodeScalarView(scalars[$0])) }
        let untrimmed = text.trimmedTexts(atScalarRanges: ranges, trimming: { _ in false })
        #expect(untrimmed.map(\.text) == expected)
        #expect(untrimmed.map(\.range) == ranges)
        // Trimmed at both ends, the range moving with the text.
        let isTrimmed: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || $0 == "孩" }
        for (range, found) in zip(ranges, text.trimmedTexts(atScalarRanges: ranges, trimming: isTrimmed)) {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, isTrimmed(scalars[lower]) { lower += 1 }
            while upper > lower, isTrimmed(scalars[upper - 1]) { upper -= 1 }
            #expect(found.range == lower..<upper)
            #expect(found.text == String(String.UnicodeScalarView(scalars[lower..<upper])))
        }
    }

    @Test(arguments: samples)
    func lineBlocksHoldWholeLinesAndEveryScalar(_ text: String) {
        for length in [1, 4, 1000] {
            var joined: [Unicode.Scalar] = []
            let total = text.unicodeScalars.count
            text.forEachLineBlock(scalarCount: length) { scalars, base in
                #expect(base == joined.count)
                let isLast = base + scalars.count == total
                if !isLast { #expect(scalars.last == "\n") }
                #expect(scalars.count >= length || isLast)
                // It ends at the first line feed once it is long enough.
                if let end = scalars.indices.first(where: { $0 >= length - 1 && scalars[$0] == "\n" }) {
                    #expect(end == scalars.count - 1)
                }
                joined += scalars
            }
            #expect(joined == Array(text.unicodeScalars))
        }
    }

    /// Invalid UTF-8 is repaired as a scalar-by-scalar decoder repairs it: one U+FFFD for each maximal invalid
    /// subpart, which is what the warning's offsets count.
    @Test func invalidUTF8IsRepairedOneReplacementPerInvalidPart() {
        var generator = MatcherPropertyTests.Generator(state: 88)
        let pieces: [[UInt8]] = [
            Array("访谈".utf8), Array("a b".utf8), Array("😀".utf8), [0xFF], [0xC0, 0x80], [0xE6, 0x8A], [0xED, 0xA0, 0x80],
            [0xF0, 0x9F, 0x98], [0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], Array("\r\n".utf8),
        ]
        for _ in 0..<300 {
            let bytes = (0..<(1 + generator.next(12))).flatMap { _ in pieces[generator.next(pieces.count)] }
            var scalars = String.UnicodeScalarView()
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var invalidParts = 0
            decoding: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded): scalars.append(Unicode.UTF8.decode(encoded))
                case .error:
                    scalars.append("\u{FFFD}")
                    invalidParts += 1
                case .emptyInput: break decoding
                }
            }
            let decoded = UTF8TextDecoder().decode(bytes, path: "a.txt")
            #expect(decoded.text == String(scalars).replacingLineEnds(), "\(bytes)")
            let warned = decoded.warnings.first?.description ?? ""
            #expect(invalidParts == 0 ? warned.isEmpty : warned.contains("invalid UTF-8 at byte"), "\(bytes)")
        }
    }

    @Test func textCutFromASubstringTranscodesToo() {
        let slice = "前言 😀 后记"[...].dropFirst(3)
        let text = String(slice)
        #expect(text.utf16Units == Array(text.utf16))
        #expect(text.unicodeScalarArray == Array(text.unicodeScalars))
    }
}
