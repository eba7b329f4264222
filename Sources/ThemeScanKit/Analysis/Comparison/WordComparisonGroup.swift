/// One group's open-vocabulary word counts, for `compare_words.csv`.
public struct WordComparisonGroup: Sendable, Hashable {
    public var label: String
    /// Where the group came from, named in diagnostics.
    public var source: String
    public var tokens: Int
    /// Occurrences of each word; a word not listed occurred zero times (open vocabulary has no codebook to lack it).
    public var counts: [String: Int]

    public init(label: String, source: String? = nil, tokens: Int, counts: [String: Int]) {
        self.label = label
        self.source = source ?? label
        self.tokens = tokens
        self.counts = counts
    }
}
