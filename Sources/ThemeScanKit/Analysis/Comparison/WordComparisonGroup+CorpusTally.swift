extension WordComparisonGroup {
    /// A group's open-vocabulary word counts, from its tally.
    public init(label: String, source: String? = nil, tally: CorpusTally) {
        self.init(label: label, source: source, tokens: tally.tokens, counts: tally.words.mapValues(\.occurrences))
    }
}
