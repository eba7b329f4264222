import Testing

@testable import ThemeScanKit

/// `replacingLineEnds` turns CRLF and lone CR into LF, on any text, as a scalar-by-scalar rewrite would.
@Suite struct LineEndsTests {
    /// The rule, one scalar at a time.
    static func reference(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
            previousWasCR = false
        }
        return String(scalars)
    }

    @Test(arguments: [
        "", "\r", "\n", "\r\n", "\r\r\n", "\n\r", "a\r\nb", "个案管理\r\n抑郁症\r", "\r\n\r\n首行", "no line end",
        "\u{1F600}\r\u{1F600}\r\n\u{00E9}", "a\r\n\r\r\nb\n",
    ])
    func examples(text: String) {
        #expect(text.replacingLineEnds() == Self.reference(text))
        #expect(!text.replacingLineEnds().utf8.contains(0x0D))
    }

    @Test func generatedTexts() {
        let pieces = ["\r", "\n", "\r\n", "a", "抑郁", "\u{1F600}", " ", "e\u{0301}"]
        var state: UInt64 = 7
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<Int(state % 23) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            #expect(text.replacingLineEnds() == Self.reference(text), "\(Array(text.utf8))")
        }
    }
}
