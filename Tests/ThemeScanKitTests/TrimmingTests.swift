import Testing

@testable import ThemeScanKit

/// `trimmingWhitespace` trims whitespace scalars at both ends, and only there, as a scalar-by-scalar trim would.
@Suite struct TrimmingTests {
    @Test(arguments: [
        ("", ""), ("   ", ""), ("a", "a"), (" a ", "a"), ("\u{3000}个案管理\u{3000}", "个案管理"), ("\t\n抑郁 症\r\n", "抑郁 症"),
        (" \u{0301}x", "\u{0301}x"), ("x\u{0301} ", "x\u{0301}"), ("a b", "a b"), ("\u{00A0}\u{1F600}\u{2003}", "\u{1F600}"),
    ])
    func examples(text: String, trimmed: String) {
        let result = text.trimmingWhitespace()
        #expect(Array(result.unicodeScalars) == Array(trimmed.unicodeScalars))
    }
}
