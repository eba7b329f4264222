/// A significance test that was run: the method, its statistic and degrees of freedom, and the p-value.
public struct TestResult: Sendable, Hashable {
    public var method: TestMethod
    /// G² or X²; nil for Fisher's exact test, which has no test statistic besides the table.
    public var statistic: Double?
    /// Degrees of freedom of the chi-square distribution; nil for Fisher's exact test.
    public var degreesOfFreedom: Int?
    public var p: Double
    /// Positions, in the input, of the groups left out because they had nothing to divide by (no tokens, no cases).
    public var excludedGroups: [Int]

    public init(method: TestMethod, statistic: Double?, degreesOfFreedom: Int?, p: Double, excludedGroups: [Int] = []) {
        self.method = method
        self.statistic = statistic
        self.degreesOfFreedom = degreesOfFreedom
        self.p = p
        self.excludedGroups = excludedGroups
    }
}
