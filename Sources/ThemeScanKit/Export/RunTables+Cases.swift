extension RunTables {
    /// `case_codes.csv`: one row per case (sorted), one column per code id in codebook order, cells = occurrences.
    public func caseCodesTable() throws(TextError) -> CSVTable {
        caseCodesRows(cases: try cases).materialized()
    }

    /// The rows of `caseCodesTable()` for `cases` (the run's, sorted), each made when it is written.
    func caseCodesRows(cases: CaseList) -> GeneratedCSVTable {
        caseRows(cases: cases, columns: codebook.codes.map(\.code)) { counts in counts.map(Self.countText) }
    }

    /// Counts 0–255 in decimal, made once: nearly every cell of a case table is one of them, and a table with a
    /// case per survey row formats millions of cells for each of CSV, JSON and the workbook.
    private static let smallDecimals = (0..<256).map(String.init)

    /// `String(count)`, for the small counts from a table made once.
    @Sendable static func countText(_ count: Int) -> String {
        count >= 0 && count < smallDecimals.count ? smallDecimals[count] : String(count)
    }

    /// `case_themes.csv`: `case_codes.csv` rolled up per theme, a cell being the sum of the occurrences of the
    /// theme's codes (a match crediting two codes of one theme counts for each).
    public func caseThemesTable() throws(TextError) -> CSVTable {
        caseThemesRows(cases: try cases).materialized()
    }

    /// The rows of `caseThemesTable()` for `cases` (the run's, sorted), each made when it is written.
    func caseThemesRows(cases: CaseList) -> GeneratedCSVTable {
        let themes = codebook.themes
        let members = themes.map(\.codes)
        return caseRows(cases: cases, columns: themes.map(\.id)) { counts in
            members.map { codes in Self.countText(codes.reduce(0) { $0 + counts[$1] }) }
        }
    }

    /// A table of a row per case, `case` then `columns`, whose number cells `cells` makes from the case's
    /// occurrences of each code.
    private func caseRows(
        cases: CaseList, columns: [String], cells: @escaping @Sendable ([Int]) -> [String]
    ) -> GeneratedCSVTable {
        let codeCount = codebook.codes.count
        return GeneratedCSVTable(
            header: ["case"] + columns, rowCount: cases.count, numberColumns: [false] + columns.map { _ in true }
        ) { index in
            [cases[index]] + cells(cases.codeCounts(at: index, width: codeCount))
        }
    }

    /// `cooccurrence.csv`: code pairs that co-occur, in codebook order, with the cases coded for both, the speaker
    /// turns holding both, and the Jaccard index of the two codes' sets of cases.
    public func cooccurrenceTable() -> CSVTable {
        let coded = tally.codeCases(minimum: options.minimumOccurrences)
        let shared = tally.caseCodePairs(minimum: options.minimumOccurrences)
        var table = CSVTable(header: [
            "code_a", "code_b", "label_a", "label_b", "cases", "segments", "jaccard",
        ])
        let count = codebook.codes.count
        // A code that never occurs has no coded case and shares no turn.
        for first in 0..<count where tally.codeOccurrences[first] > 0 {
            for second in (first + 1)..<count {
                let both = shared[CodePair(first, second)] ?? 0
                let segments = tally.segmentPairs[CodePair(first, second)] ?? 0
                guard both > 0 || segments > 0 else { continue }
                let either = coded[first] + coded[second] - both
                table.rows.append([
                    codebook.codes[first].code, codebook.codes[second].code,
                    codebook.label(ofCode: first, languages: options.labelLanguages),
                    codebook.label(ofCode: second, languages: options.labelLanguages), String(both), String(segments),
                    either > 0 ? Self.decimal(Double(both) / Double(either), places: 3) : "",
                ])
            }
        }
        return table
    }

    /// A number with a fixed count of decimals, the same on every platform.
    static func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }
}
