extension GroupComparison {
    /// The codes that changed most, for a chart of per-group case percentages: at most `limit`, largest effect
    /// first, ties in row order.
    ///
    /// With two groups the effect is the absolute difference in case percentage points and significance comes
    /// from the case test; with more groups the effect is G² and significance comes from the rate test. A code is
    /// significant when that test's adjusted p-value is below `significanceLevel`. Codes whose ranking test was
    /// not run (missing in a group, nothing coded anywhere) are left out.
    public func mostChanged(limit: Int, significanceLevel: Double = 0.05) -> [ChangedCode] {
        let twoGroups = labels.count == 2
        let candidates: [(offset: Int, code: ChangedCode)] = rows.enumerated().compactMap { offset, row in
            let changed: ChangedCode?
            if twoGroups {
                if row.caseTest.result != nil, let difference = row.caseDifference {
                    changed = ChangedCode(
                        row: row, effect: difference,
                        significant: (row.caseAdjustedP ?? 1) < significanceLevel)
                } else {
                    changed = nil
                }
            } else if let g2 = row.rateTest.result?.statistic {
                changed = ChangedCode(row: row, effect: g2, significant: (row.rateAdjustedP ?? 1) < significanceLevel)
            } else {
                changed = nil
            }
            return changed.map { (offset, $0) }
        }
        let ranked = candidates.sorted { left, right in
            let (a, b) = (abs(left.code.effect), abs(right.code.effect))
            return a != b ? a > b : left.offset < right.offset
        }
        return ranked.prefix(max(0, limit)).map(\.code)
    }
}
