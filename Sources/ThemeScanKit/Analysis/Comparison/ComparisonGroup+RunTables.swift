extension ComparisonGroup {
    /// A group from the tables of its documents (one value of `--group-by`, or a whole run): codes in codebook
    /// order, cases coded under the tables' `minimumOccurrences`, and every case of the documents in the total,
    /// matched or not.
    public init(label: String, source: String? = nil, tables: RunTables) {
        self.init(
            label: label, source: source, tally: tables.tally, casesTotal: tables.caseCount, codebook: tables.codebook,
            options: tables.options)
    }

    /// A group from its tally and its number of cases, as `init(label:source:tables:)` makes it from the tables.
    public init(
        label: String, source: String? = nil, tally: CorpusTally, casesTotal: Int, codebook: RunCodebook,
        options: TableOptions
    ) {
        let cases = tally.codeCases(minimum: options.minimumOccurrences)
        var terms = Array(repeating: [String](), count: codebook.codes.count)
        for term in codebook.terms { terms[term.code].append(term.text) }
        self.init(
            label: label, source: source, tokens: tally.tokens, casesTotal: casesTotal,
            codes: codebook.codes.indices.map { index in
                ComparisonCodeCount(
                    themeID: codebook.codes[index].theme, codeID: codebook.codes[index].code,
                    label: codebook.label(ofCode: index, languages: options.labelLanguages),
                    occurrences: tally.codeOccurrences[index], casesCoded: cases[index], terms: terms[index])
            })
    }
}
