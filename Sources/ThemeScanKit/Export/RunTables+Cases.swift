extension RunTables {
    /// `case_codes.csv`: one row per case (sorted), one column per code id in codebook order, cells = occurrences.
    public func caseCodesTable() -> CSVTable {
        var table = CSVTable(header: ["case"] + codebook.codes.map(\.code))
        for caseID in cases {
            let counts = tally.caseCodeOccurrences[caseID] ?? Array(repeating: 0, count: codebook.codes.count)
            table.rows.append([caseID] + counts.map(String.init))
        }
        return table
    }

    /// `case_themes.csv`: `case_codes.csv` rolled up per theme, a cell being the sum of the occurrences of the
    /// theme's codes (a match crediting two codes of one theme counts for each).
    public func caseThemesTable() -> CSVTable {
        let themes = codebook.themes
        var table = CSVTable(header: ["case"] + themes.map(\.id))
        for caseID in cases {
            let counts = tally.caseCodeOccurrences[caseID] ?? Array(repeating: 0, count: codebook.codes.count)
            table.rows.append([caseID] + themes.map { theme in String(theme.codes.reduce(0) { $0 + counts[$1] }) })
        }
        return table
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
