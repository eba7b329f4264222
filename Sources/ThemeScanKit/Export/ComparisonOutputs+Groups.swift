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
        let tables = groups.tables(codebook: codebook, options: options)
        guard tables.count >= 2 else {
            warnings.append(
                "--group-by \(groups.variable): \(tables.count) value(s) found, so there is nothing to compare; "
                    + "no compare.csv written")
            return (nil, warnings)
        }
        let source = { (value: String) in "\(groups.variable) = \(value)" }
        let codes = try GroupComparison(
            groups: tables.map { ComparisonGroup(label: $0.value, source: source($0.value), tables: $0.tables) },
            adjustment: adjustment)
        var wordOptions = words
        wordOptions.adjustment = adjustment
        let wordComparison = try WordComparison(
            groups: tables.map { WordComparisonGroup(label: $0.value, source: source($0.value), tables: $0.tables) },
            options: wordOptions)
        warnings += (codes.diagnostics + wordComparison.diagnostics).map(\.description)
        let facts = tables.map { group in
            GroupFacts(
                label: group.value, source: source(group.value), tokens: group.tables.tally.tokens,
                cases: group.tables.cases.count, documents: group.tables.documents.count)
        }
        let outputs = ComparisonOutputs(
            codes: codes, words: wordComparison, groups: facts, formats: Set(options.formats).subtracting([.xlsx]),
            excelCSV: options.excelCSV, warnings: warnings)
        return (outputs, warnings)
    }
}
