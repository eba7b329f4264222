extension ComparisonGroup {
    /// A group from the merged tally of its documents (one value of `--group-by`, or a whole run) and the codebook
    /// it was counted with, codes in the tally's order.
    ///
    /// The case total is the number of cases in the tally: every document adds its case, matched or not.
    public init(
        label: String, source: String? = nil, tally: CorpusTally, codes: [(theme: Theme, code: Code)],
        options: TableOptions = TableOptions()
    ) {
        precondition(codes.count == tally.codeOccurrences.count, "the tally was counted with another codebook")
        let cases = tally.codeCases()
        self.init(
            label: label, source: source, tokens: tally.tokens, casesTotal: tally.caseCodeOccurrences.count,
            codes: codes.enumerated().map { index, entry in
                ComparisonCodeCount(
                    themeID: entry.theme.id, codeID: entry.code.id,
                    label: entry.code.label.text(preferring: options.labelLanguages) ?? entry.code.id,
                    occurrences: tally.codeOccurrences[index], casesCoded: cases[index],
                    terms: entry.code.terms.map(\.text))
            })
    }
}
