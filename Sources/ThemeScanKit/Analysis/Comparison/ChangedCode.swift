/// A code picked for the comparison chart, with the effect it was ranked by.
public struct ChangedCode: Sendable, Hashable {
    public var row: ComparisonRow
    /// For two groups the difference in case percentage points (second minus first); for more, G².
    public var effect: Double
    /// Whether the ranking test's adjusted p-value is below the significance level.
    public var significant: Bool

    public init(row: ComparisonRow, effect: Double, significant: Bool) {
        self.row = row
        self.effect = effect
        self.significant = significant
    }
}
