/// The rows of a workbook sheet (or an `.xls` table), read whole, handed on a block at a time and let go as they go.
///
/// A sheet's rows are read in one pass over its XML; made into documents all at once, every respondent's document
/// was held beside every row until the first batch was analyzed. Handed to `SurveyExportStream` instead, the rows
/// become documents a batch at a time, as a CSV export's do.
struct SheetRows: SurveyRowSource {
    /// Rows in a block; enough that the column choice's sample is read in a few.
    static let blockRows = 4096

    /// The rows not yet handed on, last first, so that a block leaves from the end.
    private var reversed: [SpreadsheetRow]
    let warnings: [Diagnostic]
    /// Workbook XML is Unicode throughout, and the grid reader has already decoded an HTML table's own charset.
    let encoding = "UTF-8"

    /// The rows of the chosen sheet of a workbook's `bytes`, which are let go once read; throws as
    /// `SpreadsheetGridReader.rows` throws.
    init(_ bytes: consuming [UInt8], format: DocumentFormat, path: String, options: IngestionOptions) throws(IngestionError) {
        let grid = try SpreadsheetGridReader.rows(in: bytes, format: format, path: path, options: options)
        _ = consume bytes
        self.init(rows: grid.rows, warnings: grid.warnings)
    }

    init(rows: consuming [SpreadsheetRow], warnings: [Diagnostic]) {
        var rows = rows
        rows.reverse()
        reversed = rows
        self.warnings = warnings
    }

    mutating func nextRows() throws(IngestionError) -> [SpreadsheetRow]? {
        guard !reversed.isEmpty else { return nil }
        let count = min(Self.blockRows, reversed.count)
        var block: [SpreadsheetRow] = []
        block.reserveCapacity(count)
        while block.count < count, let row = reversed.popLast() { block.append(row) }
        return block
    }
}
