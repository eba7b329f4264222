import Foundation

/// The tables of a finished run, from its codebook, documents and counts: what `analyze` and `merge` both write.
public struct RunTables: Sendable {
    public var codebook: RunCodebook
    public var documents: DocumentSummaries
    public var tally: CorpusTally
    public var options: TableOptions

    public init(codebook: RunCodebook, documents: DocumentSummaries, tally: CorpusTally, options: TableOptions) {
        self.codebook = codebook
        self.documents = documents
        self.tally = tally
        self.options = options
    }

    /// Cases coded for each code, under the run's `minimumOccurrences`.
    var codeCases: [Int] { tally.codeCases(minimum: options.minimumOccurrences) }

    /// `codes.csv`: every code in codebook order, zeros included.
    public func codesTable() -> CSVTable {
        let cases = codeCases
        var table = CSVTable(header: ["theme", "code", "label", "occurrences", "documents", "cases", "per_10k_tokens"])
        for (index, entry) in codebook.codes.enumerated() {
            let occurrences = tally.codeOccurrences[index]
            table.rows.append([
                entry.theme, entry.code, codebook.label(ofCode: index, languages: options.labelLanguages),
                String(occurrences), String(tally.codeDocuments[index]), String(cases[index]),
                Self.per10k(occurrences, tokens: tally.tokens),
            ])
        }
        return table
    }

    /// `terms.csv`: every term of the codebook in order, zeros included.
    public func termsTable() -> CSVTable {
        let cases = tally.termCases(minimum: options.minimumOccurrences)
        var table = CSVTable(header: ["theme", "code", "term", "occurrences", "documents", "cases"])
        for (index, term) in codebook.terms.enumerated() {
            let code = codebook.codes[term.code]
            table.rows.append([
                code.theme, code.code, term.text, String(tally.termOccurrences[index]),
                String(tally.termDocuments[index]), String(cases[index]),
            ])
        }
        return table
    }

    /// `documents.csv`: one row per document read; manifest and spreadsheet columns follow the fixed ones,
    /// sorted by name.
    public func documentsTable() -> CSVTable {
        documentsRows().materialized()
    }

    /// The rows of `documentsTable()`, each made when it is written.
    public func documentsRows() -> GeneratedCSVTable {
        let fixed = [
            "document", "case", "source", "format", "encoding", "characters", "tokens", "segments", "speakers",
        ]
        let documents = documents
        // Names are gathered, and found among each list of names, once per list: the rows of a survey export
        // share one, and looking up every name of every row (CJK names hash slowly) was a cost of its own.
        var lists: [ObjectIdentifier: DocumentMetadata] = [:]
        for document in documents where lists[document.metadata.namesIdentity] == nil {
            lists[document.metadata.namesIdentity] = document.metadata
        }
        let extra = Set(lists.values.flatMap(\.keys)).subtracting(fixed).sorted()
        let positions = lists.mapValues { $0.positions(of: extra) }
        let numbers = fixed.map { ["characters", "tokens", "segments"].contains($0) } + extra.map { _ in false }
        return GeneratedCSVTable(header: fixed + extra, rowCount: documents.count, numberColumns: numbers) { index in
            let document = documents[index]
            let speakers = document.speakers.map { "\($0.label) (\($0.role.rawValue))" }.joined(separator: "; ")
            return [
                document.id, document.caseID, document.source, document.format.rawValue, document.encoding,
                String(document.characters), String(document.tokens), String(document.segments), speakers,
            ] + document.metadata.values(at: positions[document.metadata.namesIdentity]!)
        }
    }

    /// Every case of the run, sorted, including cases where nothing matched, with their code counts. Worked out
    /// on every use: with a case per survey row, a list as long as the export, which is then set aside in a file.
    public var cases: CaseList {
        get throws(TextError) { try CaseList(table: tally.caseCodeOccurrences) }
    }

    /// How many cases the run has, including cases where nothing matched.
    public var caseCount: Int { tally.caseCodeOccurrences.caseCount }

    /// Occurrences per 10,000 tokens with two decimals; empty when there are no tokens to divide by.
    static func per10k(_ occurrences: Int, tokens: Int) -> String {
        guard tokens > 0 else { return "" }
        return String(format: "%.2f", Double(occurrences) * 10_000 / Double(tokens))
    }
}

extension RunTables {
    /// The CSV tables of a run other than `matches.csv`, by file name, in the order the workbook lists them;
    /// `cases` are the run's (`cases`), when they were listed already.
    ///
    /// The tables with a row per case or per document make their rows as they are written: a survey export has a
    /// case per row.
    public func csvFiles(cases: CaseList? = nil) throws(TextError) -> [(name: String, table: any CSVTableSource)] {
        let cases = if let cases { cases } else { try self.cases }
        return [
            ("codes.csv", codesTable()), ("terms.csv", termsTable()), ("case_codes.csv", caseCodesRows(cases: cases)),
            ("case_themes.csv", caseThemesRows(cases: cases)), ("wordcloud.csv", wordcloudTable()),
            ("words.csv", wordsTable()), ("cooccurrence.csv", cooccurrenceTable()), ("documents.csv", documentsRows()),
        ]
    }
}
