/// The outcome of a significance test: its result, or why it could not be run.
public enum TestOutcome: Sendable, Hashable {
    case tested(TestResult)
    case untested(UntestedReason)

    /// The result when the test was run.
    public var result: TestResult? {
        if case .tested(let result) = self { return result }
        return nil
    }

    /// The p-value when the test was run.
    public var p: Double? { result?.p }
}
