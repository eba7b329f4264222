/// A kind of output `analyze --format` can select.
public enum OutputFormat: String, Sendable, Codable, CaseIterable, Comparable {
    /// The tables as CSV, `matches.csv` among them.
    case csv
    /// `results.xlsx`, one sheet per table.
    case xlsx
    /// `wordcloud.svg` and `words.svg`.
    case svg
    /// `report.html`.
    case html
    /// JSON mirrors of the tables (`codes.json`, …).
    case json

    public static func < (lhs: OutputFormat, rhs: OutputFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
