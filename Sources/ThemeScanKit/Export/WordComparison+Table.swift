extension WordComparison {
    /// The header of `compare_words.csv`: `word`, then `occurrences_<label>,per_10k_<label>` per group, then
    /// `g2,g2_p,g2_p_adj,log_ratio,pct_diff`.
    public var tableHeader: [String] {
        ["word"] + labels.flatMap { ["occurrences_\($0)", "per_10k_\($0)"] }
            + ["g2", "g2_p", "g2_p_adj", "log_ratio", "pct_diff"]
    }

    /// `compare_words.csv`: the kept words, highest G² first, numbers as in `compare.csv`.
    public func table() -> CSVTable {
        var table = CSVTable(header: tableHeader)
        for row in rows {
            var fields = [row.word]
            for (count, rate) in zip(row.occurrences, row.per10k) {
                fields += [String(count), StatisticFormat.per10k(rate)]
            }
            fields += [
                StatisticFormat.statistic(row.rateTest.statistic), StatisticFormat.p(row.rateTest.p),
                StatisticFormat.p(row.adjustedP), StatisticFormat.logRatio(row.logRatio),
                StatisticFormat.percent(row.percentDifference),
            ]
            table.rows.append(fields)
        }
        return table
    }
}
