/// One code in the top-codes chart.
public struct ReportCodeBar: Sendable, Equatable {
    public var label: String
    public var theme: String
    public var occurrences: Int
    /// Cases coded for the code (at the run's `--min-occurrences`).
    public var cases: Int

    public init(label: String, theme: String, occurrences: Int, cases: Int) {
        self.label = label
        self.theme = theme
        self.occurrences = occurrences
        self.cases = cases
    }
}
