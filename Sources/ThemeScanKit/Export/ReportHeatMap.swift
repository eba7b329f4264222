/// Occurrences of each code in each case: rows are cases, columns codes.
public struct ReportHeatMap: Sendable, Equatable {
    public var caseIDs: [String]
    public var codeLabels: [String]
    /// `counts[row][column]` is how often code `column` occurs in case `row`; a short row counts as zeros.
    public var counts: [[Int]]
    /// Cases of the run left out of the map (see `RunOutputs.heatMapCases`); `case_codes.csv` has them all.
    public var hiddenCases: Int

    public init(caseIDs: [String] = [], codeLabels: [String] = [], counts: [[Int]] = [], hiddenCases: Int = 0) {
        self.caseIDs = caseIDs
        self.codeLabels = codeLabels
        self.counts = counts
        self.hiddenCases = hiddenCases
    }
}
