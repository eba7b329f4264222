/// Pearson's chi-square test of independence for an r×c contingency table (Pearson 1900; Agresti 2002,
/// Categorical Data Analysis, §3.2), without Yates's continuity correction.
///
/// X² = Σ (O_ij − E_ij)² / E_ij with E_ij = row_i · column_j / n, compared with the chi-square distribution with
/// (r − 1)(c − 1) degrees of freedom. No continuity correction is applied, also for 2×2 tables: small tables
/// go to Fisher's exact test instead (see `CaseProportionTest`), and the uncorrected statistic is the one that
/// generalises to k groups.
public enum PearsonChiSquare {
    /// The test of a table given as rows (groups) of equal length (outcomes). Not run when it has fewer than two
    /// rows (`fewerThanTwoGroups`) or when a row or column adds up to zero (`noOccurrences`), where an expected
    /// count of zero leaves X² undefined.
    public static func test(_ table: [[Int]]) -> TestOutcome {
        guard table.count >= 2 else { return .untested(.fewerThanTwoGroups) }
        let width = table[0].count
        precondition(width >= 2 && table.allSatisfy { $0.count == width }, "rows of two or more outcomes, all as long")
        precondition(table.allSatisfy { $0.allSatisfy { $0 >= 0 } }, "a contingency table holds no negative counts")
        let rows = table.map { Double($0.reduce(0, +)) }
        let columns = (0..<width).map { column in Double(table.reduce(0) { $0 + $1[column] }) }
        guard rows.allSatisfy({ $0 > 0 }), columns.allSatisfy({ $0 > 0 }) else { return .untested(.noOccurrences) }
        let total = rows.reduce(0, +)
        var statistic = 0.0
        for (row, counts) in table.enumerated() {
            for (column, count) in counts.enumerated() {
                let expected = rows[row] * columns[column] / total
                let difference = Double(count) - expected
                statistic += difference * difference / expected
            }
        }
        let degreesOfFreedom = (table.count - 1) * (width - 1)
        let p = ChiSquareDistribution(degreesOfFreedom: degreesOfFreedom).survival(statistic)
        return .tested(TestResult(method: .chiSquare, statistic: statistic, degreesOfFreedom: degreesOfFreedom, p: p))
    }
}
