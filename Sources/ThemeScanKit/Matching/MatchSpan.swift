/// A stretch of normalized text that the matcher kept, with the codes it credits.
public struct MatchSpan: Sendable, Hashable {
    /// Range in the normalized text's UTF-16 units.
    public var range: Range<Int>
    /// One credit per code, in codebook order; never empty.
    public var credits: CreditList

    public init(range: Range<Int>, credits: CreditList) {
        self.range = range
        self.credits = credits
    }
}
