/// Traditional→Simplified Chinese with ICU's Hant-Hans transliterator, applied only to runs that need it.
///
/// The transliterator runs at about 5 MB/s, so it only sees runs of Han characters holding at least one character
/// it can change; everything else passes untouched. Whole runs (not single characters) go to ICU because some of
/// its rules look at neighbours: 甚麼 becomes 什么, while 甚 alone stays 甚. Holds an ICU handle: one per worker.
final class ChineseSimplifier {
    private let transliterator: Transliterator
    private var changeableBasic = [Bool](repeating: false, count: 0x10000)
    private var changeableOther: Set<UInt32> = []

    init() throws(TextError) {
        transliterator = try Transliterator(id: "Hant-Hans")
        for value in try transliterator.sourceSet() {
            if value < 0x10000 { changeableBasic[Int(value)] = true } else { changeableOther.insert(value) }
        }
    }

    /// Whether the transliterator may change this character.
    @inline(__always)
    func mayChange(_ value: UInt32) -> Bool {
        value < 0x10000 ? changeableBasic[Int(value)] : changeableOther.contains(value)
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
