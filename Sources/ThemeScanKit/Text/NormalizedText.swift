/// Text in matching form (NFKC, case-folded, optionally simplified), with the way back to the original.
///
/// `units` is UTF-16. For every normalized unit, `originalStarts` and `originalEnds` give the UTF-16 range of the
/// original text it came from; a character that normalization expanded or merged maps to the whole original
/// range it was made from, so a match never reports part of an original character.
public struct NormalizedText: Sendable, Equatable {
    public var units: [UInt16]
    public var originalStarts: [Int32]
    public var originalEnds: [Int32]

    public init(units: [UInt16], originalStarts: [Int32], originalEnds: [Int32]) {
        precondition(units.count == originalStarts.count && units.count == originalEnds.count)
        self.units = units
        self.originalStarts = originalStarts
        self.originalEnds = originalEnds
    }

    /// The UTF-16 range in the original text that a non-empty normalized range came from.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        precondition(!range.isEmpty)
        return Int(originalStarts[range.lowerBound])..<Int(originalEnds[range.upperBound - 1])
    }

    /// The normalized text as a string, for display and tests.
    public var string: String { String(decoding: units, as: UTF16.self) }
}
