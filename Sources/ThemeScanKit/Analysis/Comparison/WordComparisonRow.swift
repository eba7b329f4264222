/// One word compared across the groups.
public struct WordComparisonRow: Sendable, Hashable {
    public var word: String
    /// Occurrences per group, in group order.
    public var occurrences: [Int]
    /// Occurrences per 10,000 tokens per group; nil for a group without tokens.
    public var per10k: [Double?]
    /// G² of the rates over the groups with tokens.
    public var rateTest: TestResult
    /// The p-value adjusted over every word tested (all that met the minimum frequency, not only those kept).
    public var adjustedP: Double
    /// For two groups, the second against the first; nil for more groups.
    public var logRatio: Double?
    public var percentDifference: Double?

    public init(
        word: String, occurrences: [Int], per10k: [Double?], rateTest: TestResult, adjustedP: Double,
        logRatio: Double?, percentDifference: Double?
    ) {
        self.word = word
        self.occurrences = occurrences
        self.per10k = per10k
        self.rateTest = rateTest
        self.adjustedP = adjustedP
        self.logRatio = logRatio
        self.percentDifference = percentDifference
    }
}
