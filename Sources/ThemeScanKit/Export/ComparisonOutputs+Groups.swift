extension ComparisonOutputs {
    /// The comparison of the groups of one run (`analyze --group-by`), or nil with a warning when there are fewer
    /// than two groups.
    public static func groups(
        _ groups: GroupTallies, codebook: RunCodebook, options: TableOptions,
        adjustment: PValueAdjustment = .benjaminiHochberg, words: WordComparisonOptions = WordComparisonOptions()
    ) throws(ComparisonError) -> (outputs: ComparisonOutputs?, warnings: [String]) {
        var warnings: [String] = []
        if !groups.documentsWithoutValue.isEmpty {
            let count = groups.documentsWithoutValue.count
            warnings.append(
                "--group-by \(groups.variable): \(count) document(s) have no value and are left out of the "
                    + "comparison (first: \(groups.documentsWithoutValue[0]))")
        }
        let ordered = groups.inOrder
        guard ordered.count >= 2 else {
            warnings.append(
                "--group-by \(groups.variable): \(ordered.count) value(s) found, so there is nothing to compare; "
                    + "no compare.csv written")
            return (nil, warnings)
        }
        let source = { (value: String) in "\(groups.variable) = \(value)" }
        let codes = try GroupComparison(
            groups: ordered.map {
                ComparisonGroup(
                    label: $0.value, source: source($0.value), tally: $0.group.tally, casesTotal: $0.group.caseCount,
                    codebook: codebook, options: options)
            },
            adjustment: adjustment)
        var wordOptions = words
        wordOptions.adjustment = adjustment
        let wordComparison = try WordComparison(
            groups: ordered.map { WordComparisonGroup(label: $0.value, source: source($0.value), tally: $0.group.tally) },
            options: wordOptions)
        warnings += (codes.diagnostics + wordComparison.diagnostics).map(\.description)
        let facts = ordered.map { entry in
            GroupFacts(
                label: entry.value, source: source(entry.value), tokens: entry.group.tally.tokens,
                cases: entry.group.caseCount, documents: entry.group.documents)
        }
        let outputs = ComparisonOutputs(
            codes: codes, words: wordComparison, groups: facts, formats: Set(options.formats).subtracting([.xlsx]),
            excelCSV: options.excelCSV, warnings: warnings)
        return (outputs, warnings)
    }
}
