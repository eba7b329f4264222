/// One code's counts in one group, with the group's totals.
public struct ComparisonCell: Sendable, Hashable {
    public var occurrences: Int
    public var tokens: Int
    public var casesCoded: Int
    public var casesTotal: Int

    public init(occurrences: Int, tokens: Int, casesCoded: Int, casesTotal: Int) {
        self.occurrences = occurrences
        self.tokens = tokens
        self.casesCoded = casesCoded
        self.casesTotal = casesTotal
    }

    /// Occurrences per 10,000 tokens; nil for a group without tokens.
    public var per10k: Double? {
        tokens > 0 ? Double(occurrences) * 10_000 / Double(tokens) : nil
    }

    /// The percentage of cases coded; nil for a group without cases.
    public var casePercent: Double? { cases.percent }

    /// The occurrences among the tokens, for the rate statistics.
    public var rate: RateCount { RateCount(occurrences: occurrences, tokens: tokens) }

    /// The coded cases among all cases, for the proportion statistics.
    public var cases: ProportionCount { ProportionCount(coded: casesCoded, total: casesTotal) }
}
