/// One row of a spreadsheet or delimited file, as the table adapters hand it to the survey layer.
public struct SpreadsheetRow: Sendable, Hashable {
    /// The row number a spreadsheet program shows (1-based, counting header rows); for CSV, the record's
    /// 1-based position in the file.
    public var number: Int
    /// The line in the file where the row starts, for located diagnostics; nil for XLSX.
    public var line: Int?
    /// Cell texts by column, empty strings for empty cells; trailing empty cells may be missing.
    public var cells: [String]

    public init(number: Int, line: Int? = nil, cells: [String]) {
        self.number = number
        self.line = line
        self.cells = cells
    }
}
