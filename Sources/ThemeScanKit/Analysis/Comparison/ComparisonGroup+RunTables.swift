extension ComparisonGroup {
    /// A group from the tables of its documents (one value of `--group-by`, or a whole run): codes in codebook
    /// order, cases coded under the tables' `minimumOccurrences`, and every case of the documents in the total,
    /// matched or not.
    public init(label: String, source: String? = nil, tables: RunTables) {
        let codebook = tables.codebook
        let cases = tables.tally.codeCases(minimum: tables.options.minimumOccurrences)
        var terms = Array(repeating: [String](), count: codebook.codes.count)
        for term in codebook.terms { terms[term.code].append(term.text) }
        self.init(
            label: label, source: source, tokens: tables.tally.tokens, casesTotal: tables.cases.count,
            codes: codebook.codes.indices.map { index in
                ComparisonCodeCount(
                    themeID: codebook.codes[index].theme, codeID: codebook.codes[index].code,
                    label: codebook.label(ofCode: index, languages: tables.options.labelLanguages),
                    occurrences: tables.tally.codeOccurrences[index], casesCoded: cases[index], terms: terms[index])
            })
    }
}
