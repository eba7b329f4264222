import Foundation

extension AnalysisResult {
    /// The tables of this run, under `options`.
    public func tables(options: TableOptions = TableOptions()) -> RunTables {
        RunTables(codebook: RunCodebook(codes: codes, terms: terms), documents: documents, tally: tally, options: options)
    }

    /// `codes.csv`: every code in codebook order, zeros included.
    public func codesTable(options: TableOptions = TableOptions()) -> CSVTable {
        tables(options: options).codesTable()
    }

    /// `terms.csv`: every term of the codebook in order, zeros included.
    public func termsTable() -> CSVTable {
        tables().termsTable()
    }

    /// The header of `matches.csv`.
    public static let matchesHeader = [
        "document", "case", "speaker", "role", "segment", "theme", "code", "term", "surface", "start", "end", "left",
        "right", "sentence",
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
                document.id, document.caseID, match.speaker ?? "", match.role.rawValue, String(match.segment + 1),
                code.theme.id, code.code.id, terms[credit.term].term.text, match.surface, String(match.start),
                String(match.end), match.left, match.right, match.sentence,
            ]
        }
    }

    /// `documents.csv`: one row per document read.
    public func documentsTable() -> CSVTable {
        tables().documentsTable()
    }

    /// `matches.csv` and the tables of `RunTables.csvFiles`, rendered.
    public func outputFiles(options: TableOptions = TableOptions()) throws(TextError) -> [(name: String, contents: String)] {
        [("matches.csv", matchesTable().rendered())]
            + (try tables(options: options).csvFiles()).map { ($0.name, $0.table.rendered()) }
    }
}
