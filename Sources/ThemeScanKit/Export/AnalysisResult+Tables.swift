import Foundation

extension AnalysisResult {
    /// `codes.csv`: every code in codebook order, zeros included.
    public func codesTable(options: TableOptions = TableOptions()) -> CSVTable {
        Self.codesTable(codeColumns(options: options), tally: tally)
    }

    /// The columns of `codes.csv` that come from the codebook: theme, code and label of every code.
    public func codeColumns(options: TableOptions = TableOptions()) -> [[String]] {
        codes.map { entry in
            [entry.theme.id, entry.code.id, entry.code.label.text(preferring: options.labelLanguages) ?? entry.code.id]
        }
    }

    /// `codes.csv` from its codebook columns (`codeColumns`) and the counts.
    static func codesTable(_ columns: [[String]], tally: CorpusTally) -> CSVTable {
        let cases = tally.codeCases()
        var table = CSVTable(header: ["theme", "code", "label", "occurrences", "documents", "cases", "per_10k_tokens"])
        for (index, fixed) in columns.enumerated() {
            let occurrences = tally.codeOccurrences[index]
            table.rows.append(
                fixed + [
                    String(occurrences), String(tally.codeDocuments[index]), String(cases[index]),
                    Self.per10k(occurrences, tokens: tally.tokens),
                ])
        }
        return table
    }

    /// `terms.csv`: every term of the codebook in order, zeros included.
    public func termsTable() -> CSVTable {
        Self.termsTable(termColumns(), tally: tally)
    }

    /// The columns of `terms.csv` that come from the codebook: theme, code and text of every term.
    public func termColumns() -> [[String]] {
        terms.map { entry in
            let code = codes[entry.code]
            return [code.theme.id, code.code.id, entry.term.text]
        }
    }

    /// `terms.csv` from its codebook columns (`termColumns`) and the counts.
    static func termsTable(_ columns: [[String]], tally: CorpusTally) -> CSVTable {
        let cases = tally.termCases()
        var table = CSVTable(header: ["theme", "code", "term", "occurrences", "documents", "cases"])
        for (index, fixed) in columns.enumerated() {
            table.rows.append(
                fixed + [String(tally.termOccurrences[index]), String(tally.termDocuments[index]), String(cases[index])])
        }
        return table
    }

    /// The header of `matches.csv`.
    public static let matchesHeader = [
        "document", "case", "speaker", "role", "theme", "code", "term", "surface", "start", "end", "left", "right",
    ]

    /// `matches.csv`: one row per match and credited code, in document and text order.
    public func matchesTable() -> CSVTable {
        var table = CSVTable(header: Self.matchesHeader)
        for match in matches {
            table.rows += Self.matchRows(match, in: documents[match.document], codes: codes, terms: terms)
        }
        return table
    }

    /// The `matches.csv` rows of one match: one per credited code. Used for the whole table and for writing
    /// it as documents finish.
    public static func matchRows(
        _ match: Match, in document: DocumentSummary, codes: [(theme: Theme, code: Code)],
        terms: [(code: Int, term: Term)]
    ) -> [[String]] {
        match.credits.map { credit in
            let code = codes[credit.code]
            return [
                document.id, document.caseID, match.speaker ?? "", match.role.rawValue, code.theme.id, code.code.id,
                terms[credit.term].term.text, match.surface, String(match.start), String(match.end), match.left,
                match.right,
            ]
        }
    }

    /// `documents.csv`: one row per document read; manifest and spreadsheet columns follow the fixed ones,
    /// sorted by name.
    public func documentsTable() -> CSVTable {
        Self.documentsTable(documents)
    }

    /// `documents.csv` for a list of documents.
    static func documentsTable(_ documents: [DocumentSummary]) -> CSVTable {
        let fixed = [
            "document", "case", "source", "format", "encoding", "characters", "tokens", "segments", "speakers",
        ]
        let extra = Set(documents.flatMap(\.metadata.keys)).subtracting(fixed).sorted()
        var table = CSVTable(header: fixed + extra)
        for document in documents {
            let speakers = document.speakers.map { "\($0.label) (\($0.role.rawValue))" }.joined(separator: "; ")
            table.rows.append(
                [
                    document.id, document.caseID, document.source, document.format.rawValue, document.encoding,
                    String(document.characters), String(document.tokens), String(document.segments), speakers,
                ] + extra.map { document.metadata[$0] ?? "" })
        }
        return table
    }

    /// Every output file of a run, by name.
    public func outputFiles(options: TableOptions = TableOptions()) -> [(name: String, contents: String)] {
        [("matches.csv", matchesTable().rendered())] + summaryFiles(options: options)
    }

    /// The output files other than `matches.csv`, which a streaming run writes as documents finish.
    public func summaryFiles(options: TableOptions = TableOptions()) -> [(name: String, contents: String)] {
        [
            ("codes.csv", codesTable(options: options).rendered()),
            ("terms.csv", termsTable().rendered()),
            ("documents.csv", documentsTable().rendered()),
        ]
    }

    /// The names `outputFiles` writes, which an output folder may be replaced over.
    /// `partial.json` is among them, so a shard's folder and a whole run's may replace each other.
    public static let outputFileNames: Set<String> = [
        "codes.csv", "terms.csv", "matches.csv", "documents.csv", PartialResult.fileName,
    ]

    /// Occurrences per 10,000 tokens with two decimals; empty when there are no tokens to divide by.
    static func per10k(_ occurrences: Int, tokens: Int) -> String {
        guard tokens > 0 else { return "" }
        return String(format: "%.2f", Double(occurrences) * 10_000 / Double(tokens))
    }
}
