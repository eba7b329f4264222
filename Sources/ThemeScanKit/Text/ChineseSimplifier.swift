/// Traditional→Simplified Chinese with ICU's Hant-Hans transliterator, applied only to runs that need it.
///
/// A run of Han characters is converted when it holds at least one Traditional-only character: one that Hant-Hans
/// changes on its own (鬱, 麼, 個 …). The whole run then goes to ICU, because some rules look at neighbours (甚麼
/// becomes 什么, while 甚 alone stays). Runs made only of characters that Simplified text uses too are left alone:
/// that keeps the transliterator (about 5 MB/s) off Simplified text, and keeps its word-level rewrites (份子 →
/// 分子, 低沈 → 低沉) from changing what a Simplified text says. Holds an ICU handle: one per worker.
final class ChineseSimplifier {
    private let transliterator: Transliterator
    let traditional: TraditionalCharacterSet

    init(traditional: TraditionalCharacterSet) throws(TextError) {
        transliterator = try Transliterator(id: "Hant-Hans")
        self.traditional = traditional
    }

    /// A run of Han characters in Simplified form.
    func simplify(_ run: ArraySlice<UInt16>) throws(TextError) -> [UInt16] {
        try transliterator.apply(to: Array(run))
    }

    /// Whether a scalar is a Han character (or an ideographic mark), the only text the rules touch.
    @inline(__always)
    static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xF900...0xFAFF, 0x20000...0x323AF:
            return true
        default:
            return false
        }
    }
}
