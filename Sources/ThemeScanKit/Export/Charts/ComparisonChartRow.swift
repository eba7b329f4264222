/// One code in a comparison chart: its share of cases in each group and how much it changed.
public struct ComparisonChartRow: Sendable, Hashable {
    /// The code's label, drawn left of its bars.
    public var label: String
    /// The percentage (0–100) of each group's cases that mention the code, in the chart's group order; a missing
    /// or non-finite value draws no bar.
    public var percentages: [Double]
    /// The size of the change the rows were ordered by, shown in the label's tooltip.
    public var effect: Double
    /// Whether the change is significant after adjustment; such rows are marked.
    public var significant: Bool

    public init(label: String, percentages: [Double], effect: Double, significant: Bool) {
        self.label = label
        self.percentages = percentages
        self.effect = effect
        self.significant = significant
    }
}
