/// One code compared across the groups: its counts per group, the tests and the effect sizes.
///
/// For two groups the effect sizes are the second group against the first (the newer against the older when
/// groups are given oldest first); for more groups they are nil.
public struct ComparisonRow: Sendable, Hashable {
    /// Theme, id and label as the newest group that has the code gives them.
    public var themeID: String
    public var codeID: String
    public var label: String
    /// Counts per group, in group order; nil where the group's codebook lacks the code.
    public var cells: [ComparisonCell?]
    /// G² of the rates over all groups with tokens.
    public var rateTest: TestOutcome
    /// The rate test's p-value adjusted over the codes whose rates were tested.
    public var rateAdjustedP: Double?
    /// Hardie's log ratio, second group against first.
    public var logRatio: Double?
    /// Gabrielatos & Marchi's %DIFF, second group against first.
    public var percentDifference: Double?
    /// Chi-square or Fisher test of the proportions of cases coded.
    public var caseTest: TestOutcome
    /// The case test's p-value adjusted over the codes whose case proportions were tested.
    public var caseAdjustedP: Double?
    /// The second group's case percentage minus the first's, in percentage points.
    public var caseDifference: Double?
    public var status: ComparisonStatus

    public init(
        themeID: String, codeID: String, label: String, cells: [ComparisonCell?], rateTest: TestOutcome,
        rateAdjustedP: Double? = nil, logRatio: Double? = nil, percentDifference: Double? = nil, caseTest: TestOutcome,
        caseAdjustedP: Double? = nil, caseDifference: Double? = nil, status: ComparisonStatus
    ) {
        self.themeID = themeID
        self.codeID = codeID
        self.label = label
        self.cells = cells
        self.rateTest = rateTest
        self.rateAdjustedP = rateAdjustedP
        self.logRatio = logRatio
        self.percentDifference = percentDifference
        self.caseTest = caseTest
        self.caseAdjustedP = caseAdjustedP
        self.caseDifference = caseDifference
        self.status = status
    }
}
