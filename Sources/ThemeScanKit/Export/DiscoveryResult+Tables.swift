import Foundation

extension DiscoveryResult {
    public static let candidatesFileName = "candidates.csv"
    public static let ngramsFileName = "ngrams.csv"
    /// File names a discovery output folder may hold, so a rerun may replace it.
    public static let outputFileNames: Set<String> = [candidatesFileName, ngramsFileName]

    public static let candidatesHeader = [
        "candidate", "score", "occurrences", "documents", "cases", "example", "covered_by",
    ]
    /// Added to `candidatesHeader` when candidates are ranked against a reference corpus.
    public static let referenceColumns = ["reference_occurrences", "log_ratio"]
    public static let ngramsHeader = ["ngram", "words", "occurrences", "documents", "cases"]

    /// `candidates.csv`: one row per candidate, best first; `covered_by` lists code ids separated by `;`.
    public func candidatesTable() -> CSVTable {
        var table = CSVTable(header: Self.candidatesHeader + (hasReference ? Self.referenceColumns : []))
        for candidate in candidates {
            var row = [
                candidate.text, Self.decimal(candidate.score), String(candidate.occurrences),
                String(candidate.documents), String(candidate.cases), candidate.example,
                candidate.coveredBy.joined(separator: ";"),
            ]
            if hasReference {
                row.append(candidate.referenceOccurrences.map(String.init) ?? "0")
                row.append(candidate.logRatio.map(Self.decimal) ?? "")
            }
            table.rows.append(row)
        }
        return table
    }

    /// `ngrams.csv`: the corpus totals (a row with an empty n-gram: tokens, documents, cases), then every n-gram
    /// counted, most frequent first, so a later run can rank against this corpus with `--reference`.
    public func ngramsTable() -> CSVTable {
        var table = CSVTable(header: Self.ngramsHeader)
        table.rows.append(["", "0", String(tally.tokens), String(tally.documents), String(tally.cases)])
        // Sorted as light rows keyed by text, since rebuilding each n-gram's text in the comparator dominated.
        let rows = tally.entries.map { text, stats in
            (
                text: text, words: stats.length, occurrences: stats.occurrences, documents: stats.documents,
                cases: stats.cases
            )
        }.sorted { left, right in
            if left.occurrences != right.occurrences { return left.occurrences > right.occurrences }
            return left.text.unicodeScalars.lexicographicallyPrecedes(right.text.unicodeScalars)
        }
        table.rows.reserveCapacity(rows.count + 1)
        for row in rows {
            table.rows.append([
                row.text, String(row.words), String(row.occurrences), String(row.documents), String(row.cases),
            ])
        }
        return table
    }

    /// Every file of the output folder, with its contents.
    public func outputFiles() -> [(name: String, contents: String)] {
        [
            (Self.candidatesFileName, candidatesTable().rendered()),
            (Self.ngramsFileName, ngramsTable().rendered()),
        ]
    }

    /// Two decimals, the way every score is written.
    static func decimal(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text == "-0.00" ? "0.00" : text
    }
}
