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
    /// The units at which a reading must stop and look, a bit each (8 KB, where `basic` is 64 KB): terminators,
    /// paragraph separators and surrogates. Between them, text is skipped a unit at a time without the table.
    private let stops: [UInt64]

    init() {
        basic = (0..<0x10000).map { Value(rawValue: UInt8(truncatingIfNeeded: cicu_sentence_break(UInt32($0)))) ?? .other }
        var stops = [UInt64](repeating: 0, count: 0x10000 / 64)
        for (unit, value) in basic.enumerated() {
            switch value {
            case .aTerm, .sTerm, .cr, .lf, .sep: stops[unit >> 6] |= 1 << (unit & 63)
            default: if unit & 0xF800 == 0xD800 { stops[unit >> 6] |= 1 << (unit & 63) }
            }
        }
        self.stops = stops
    }

    /// The position of the first unit at or after `index` where a reading must stop (see `stops`), or `units.count`.
    @inline(__always)
    func nextStop(in units: UnsafeBufferPointer<UInt16>, from index: Int) -> Int {
        var index = index
        while index < units.count, stops[Int(units[index] &>> 6)] &>> (units[index] & 63) & 1 == 0 { index += 1 }
        return index
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
