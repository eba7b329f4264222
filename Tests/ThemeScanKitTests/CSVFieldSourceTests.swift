import Testing

@testable import ThemeScanKit

/// Fields copied from the encoded text must be the bytes the encoder writes.
@Suite struct CSVFieldSourceTests {
    static let texts = [
        "抑郁症，孩子说“不想去”。", "a,b \"quoted\" text", "line\nbreak\r\nand\ttab", "😀𠀀 emoji é\u{301}",
        "plain ascii words", "",
    ]

    @Test(arguments: texts)
    func everyFieldEqualsTheEncodedOne(text: String) {
        let units = Array(text.utf16)
        let source = CSVFieldSource(units: units)
        for lower in 0...units.count {
            for upper in lower...units.count {
                for flattening in [false, true] {
                    var copied: [UInt8] = []
                    source.appendField(lower..<upper, flatteningLineBreaks: flattening, to: &copied)
                    var encoded: [UInt8] = []
                    units.withUnsafeBufferPointer {
                        CSVTable.appendField(
                            utf16: UnsafeBufferPointer(rebasing: $0[lower..<upper]), flatteningLineBreaks: flattening,
                            to: &encoded)
                    }
                    #expect(copied == encoded, "\(lower)..<\(upper) of \(text.debugDescription)")
                }
            }
        }
    }

    @Test func loneSurrogatesAreWrittenAsReplacementCharacters() {
        let units: [UInt16] = [0x61, 0xD800, 0x62, 0xDC00]
        var bytes: [UInt8] = []
        CSVFieldSource(units: units).appendField(0..<4, flatteningLineBreaks: true, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "a\u{FFFD}b\u{FFFD}")
    }
}
