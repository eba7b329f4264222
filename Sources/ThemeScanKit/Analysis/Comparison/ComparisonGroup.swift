/// One group to compare (a run, or one value of `--group-by`): its totals and the codes of its codebook.
public struct ComparisonGroup: Sendable, Hashable {
    /// The name used in column names (`occurrences_<label>`) and statuses (`missing in <label>`).
    public var label: String
    /// Where the group came from (a run folder, `year=2021`), named in diagnostics.
    public var source: String
    /// Tokens counted in the group: the denominator of its rates.
    public var tokens: Int
    /// Cases in the group: the denominator of its case percentages.
    public var casesTotal: Int
    /// Every code of the group's codebook, in codebook order, zeros included. A code not listed is absent from
    /// the codebook, which is not the same as never matched.
    public var codes: [ComparisonCodeCount]

    public init(label: String, source: String? = nil, tokens: Int, casesTotal: Int, codes: [ComparisonCodeCount]) {
        self.label = label
        self.source = source ?? label
        self.tokens = tokens
        self.casesTotal = casesTotal
        self.codes = codes
    }
}
