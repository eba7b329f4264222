import CICU

/// The Sentence_Break property (UAX #29) of every character, from ICU: a table for the Basic Multilingual Plane,
/// ICU itself beyond it.
///
/// For `SentenceSegmenter`'s own reading of text without full stops; built once per run and shared.
struct SentenceBreakTable: Sendable {
    /// The property values the reading needs, numbered as ICU numbers them (`USentenceBreak`).
    enum Value: UInt8 {
        case other = 0, aTerm, close, format, lower, numeric, oLetter, sep, sp, sTerm, upper, cr, extend, lf, sContinue
    }

    private let basic: [Value]

    init() {
        basic = (0..<0x10000).map { Value(rawValue: UInt8(truncatingIfNeeded: cicu_sentence_break(UInt32($0)))) ?? .other }
    }

    /// The property of the character whose UTF-16 starts at `units[index]`, and its length in units; a lone
    /// surrogate is one unit, with the property ICU gives its code point.
    @inline(__always)
    func value(in units: UnsafeBufferPointer<UInt16>, at index: Int) -> (value: Value, length: Int) {
        let unit = units[index]
        guard unit & 0xF800 == 0xD800 else { return (basic[Int(unit)], 1) }
        let (scalar, length) = scalarValue(in: units, at: index)
        guard length == 2 else { return (basic[Int(unit)], 1) }
        return (Value(rawValue: UInt8(truncatingIfNeeded: cicu_sentence_break(scalar))) ?? .other, 2)
    }
}
