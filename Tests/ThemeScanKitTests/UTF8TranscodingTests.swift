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

    @Test func textCutFromASubstringTranscodesToo() {
        let slice = "前言 😀 后记"[...].dropFirst(3)
        let text = String(slice)
        #expect(text.utf16Units == Array(text.utf16))
        #expect(text.unicodeScalarArray == Array(text.unicodeScalars))
    }
}
