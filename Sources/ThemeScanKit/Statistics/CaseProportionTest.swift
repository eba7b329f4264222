/// Whether the share of cases coded differs between groups: "bullying was mentioned by 12 of 62 programs in
/// 2024 against 3 of 40 in 2021".
///
/// The k×2 table of coded and uncoded cases per group is tested with Pearson's chi-square (df = k − 1, no
/// continuity correction). A 2×2 table with any expected count under 5, where the chi-square approximation is
/// poor (Cochran 1954, "Some methods for strengthening the common χ² tests", Biometrics 10(4)), is tested with
/// Fisher's exact test instead; larger tables keep the chi-square test, whose `method` says which was used.
public enum CaseProportionTest {
    /// The expected count below which a 2×2 table goes to Fisher's exact test.
    public static let minimumExpectedCount = 5.0

    /// The test over the groups. Groups with no cases are left out (listed in `excludedGroups`); the test is not
    /// run when fewer than two groups remain, when no case is coded anywhere, or when every case is.
    public static func test(_ groups: [ProportionCount]) -> TestOutcome {
        precondition(groups.allSatisfy { $0.coded >= 0 && $0.coded <= $0.total }, "coded cases out of range")
        let excluded = groups.indices.filter { groups[$0].total <= 0 }
        let kept = groups.filter { $0.total > 0 }
        guard kept.count >= 2 else { return .untested(.fewerThanTwoGroups) }
        let coded = kept.reduce(0) { $0 + $1.coded }
        let total = kept.reduce(0) { $0 + $1.total }
        guard coded > 0 else { return .untested(.noOccurrences) }
        guard coded < total else { return .untested(.everyCaseCoded) }
        let table = kept.map { [$0.coded, $0.total - $0.coded] }
        if kept.count == 2 {
            let smallestExpected = kept.map { Double($0.total) * Double(min(coded, total - coded)) / Double(total) }.min() ?? 0
            if smallestExpected < minimumExpectedCount {
                let p = FisherExactTest.twoSidedP(table[0][0], table[0][1], table[1][0], table[1][1])
                return .tested(
                    TestResult(method: .fisher, statistic: nil, degreesOfFreedom: nil, p: p, excludedGroups: excluded))
            }
        }
        guard case .tested(var result) = PearsonChiSquare.test(table) else { return .untested(.noOccurrences) }
        result.excludedGroups = excluded
        return .tested(result)
    }

    /// The coded share of the target minus that of the reference, in percentage points; nil when either has no
    /// cases.
    public static func differenceInPercentagePoints(target: ProportionCount, reference: ProportionCount) -> Double? {
        guard let target = target.percent, let reference = reference.percent else { return nil }
        return target - reference
    }
}
