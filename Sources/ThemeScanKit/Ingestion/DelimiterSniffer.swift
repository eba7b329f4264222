/// Guesses which of comma, tab and semicolon separates the fields of a delimited text export.
///
/// Survey platforms and spreadsheet programs write all three (Excel in many European locales writes semicolons
/// under a `.csv` name), and no listed package sniffs dialects, so this is done by hand: each candidate parses the
/// first records with quotes respected, and the candidate that splits the header into several fields and gives
/// the following records the header's field count most often wins.
public struct DelimiterSniffer: Sendable {
    public static let candidates: [Unicode.Scalar] = [",", "\t", ";"]

    /// How many records (header included) are looked at.
    public var sampleRecords: Int

    public init(sampleRecords: Int = 50) {
        self.sampleRecords = sampleRecords
    }

    /// The delimiter of `text`; `hint` (tab for `.tsv`) wins whenever it fits the sample as well as any other, and
    /// decides, with comma after it, when no candidate splits the header.
    public func delimiter(of text: String, hint: Unicode.Scalar? = nil) -> Unicode.Scalar {
        let order = hint.map { hint in [hint] + Self.candidates.filter { $0 != hint } } ?? Self.candidates
        let scored = order.map { candidate in
            (delimiter: candidate, score: score(CSVParser(delimiter: candidate).fieldCounts(in: text, limit: sampleRecords)))
        }.filter { $0.score.headerFields > 1 }
        guard let best = scored.max(by: { $0.score < $1.score }) else { return order[0] }
        if let hinted = scored.first(where: { $0.delimiter == hint }), hinted.score.consistency >= best.score.consistency {
            return hinted.delimiter
        }
        // `max` returns the last of equal elements; the first in candidate order should win a tie.
        return scored.first { $0.score == best.score }!.delimiter
    }

    /// How well a candidate fits: first the share of records after the header with the header's field count,
    /// then the number of header fields.
    struct Score: Comparable {
        var consistency: Double
        var headerFields: Int

        static func < (a: Score, b: Score) -> Bool {
            (a.consistency, a.headerFields) < (b.consistency, b.headerFields)
        }
    }

    func score(_ counts: [Int]) -> Score {
        guard let header = counts.first else { return Score(consistency: 0, headerFields: 0) }
        let records = counts.dropFirst()
        let consistency = records.isEmpty ? 1 : Double(records.filter { $0 == header }.count) / Double(records.count)
        return Score(consistency: consistency, headerFields: header)
    }
}
