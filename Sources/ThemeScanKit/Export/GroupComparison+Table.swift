extension GroupComparison {
    /// The per-group column names, each suffixed `_<label>`.
    static let groupColumns = ["occurrences", "tokens", "per_10k", "cases", "cases_total", "case_pct"]

    /// The test columns, after the per-group ones.
    static let testColumns = [
        "g2", "g2_p", "g2_p_adj", "log_ratio", "pct_diff", "case_test", "case_p", "case_p_adj", "case_diff_pp",
        "status",
    ]

    /// The header of `compare.csv`: `theme,code,label`, the per-group columns of each group in order, then the
    /// tests.
    public var tableHeader: [String] {
        ["theme", "code", "label"] + labels.flatMap { label in Self.groupColumns.map { "\($0)_\(label)" } }
            + Self.testColumns
    }

    /// `compare.csv`: one row per code, numbers written as `StatisticFormat` describes; empty cells where a code
    /// is missing from a group, a test was not run, or (for three or more groups) a two-group effect.
    public func table() -> CSVTable {
        var table = CSVTable(header: tableHeader)
        for row in rows {
            var fields = [row.themeID, row.codeID, row.label]
            for cell in row.cells {
                guard let cell else {
                    fields += Array(repeating: "", count: Self.groupColumns.count)
                    continue
                }
                fields += [
                    String(cell.occurrences), String(cell.tokens), StatisticFormat.per10k(cell.per10k),
                    String(cell.casesCoded), String(cell.casesTotal), StatisticFormat.percent(cell.casePercent),
                ]
            }
            fields += [
                StatisticFormat.statistic(row.rateTest.result?.statistic), StatisticFormat.p(row.rateTest.p),
                StatisticFormat.p(row.rateAdjustedP), StatisticFormat.logRatio(row.logRatio),
                StatisticFormat.percent(row.percentDifference), row.caseTest.result?.method.rawValue ?? "",
                StatisticFormat.p(row.caseTest.p), StatisticFormat.p(row.caseAdjustedP),
                StatisticFormat.percent(row.caseDifference), row.status.description,
            ]
            table.rows.append(fields)
        }
        return table
    }
}
