extension WordComparisonGroup {
    /// A group's open-vocabulary word counts, from its tables.
    public init(label: String, source: String? = nil, tables: RunTables) {
        self.init(
            label: label, source: source, tokens: tables.tally.tokens,
            counts: tables.tally.words.mapValues(\.occurrences))
    }
}
