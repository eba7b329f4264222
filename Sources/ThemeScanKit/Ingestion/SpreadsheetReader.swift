/// Reads `.xlsx` workbooks and the `.xls` files survey platforms export (HTML tables, SpreadsheetML): one document
/// per respondent row of the chosen sheet.
///
/// `SpreadsheetGridReader` turns the bytes into rows and `SurveyTable` turns the rows into documents, with the
/// same layouts, column choice and warnings as CSV.
public struct SpreadsheetReader: DocumentReader {
    public var format: DocumentFormat
    public var options: IngestionOptions
    public var rule: TextColumnRule

    public init(format: DocumentFormat = .xlsx, options: IngestionOptions = IngestionOptions(), rule: TextColumnRule = TextColumnRule()) {
        self.format = format
        self.options = options
        self.rule = rule
    }

    public func read(_ bytes: consuming [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult {
        let grid = try SpreadsheetGridReader.rows(in: bytes, format: format, path: source.path, options: options)
        let table = try SurveyTable(rows: grid.rows, path: source.path)
        // Workbook XML is Unicode throughout; the grid reader has already decoded an HTML table's own charset.
        let result = try table.documents(from: source, format: format, encoding: "UTF-8", options: options, rule: rule)
        return ReadResult(documents: result.documents, warnings: grid.warnings + result.warnings)
    }

    /// The documents of the workbook `bytes` a batch at a time, made from its sheet's rows: an `.xlsx` sheet's read
    /// as its XML inflates (`XLSXSheetStream`), others' read whole first (`SheetRows`); the same documents and warnings
    /// as `read`. Throws as `read` throws for a workbook it cannot open; the table's own problems are thrown by the
    /// stream's first batch.
    func stream(_ bytes: consuming [UInt8], from source: DocumentSource) throws(IngestionError) -> SurveyExportStream {
        let file: any SurveyRowSource
        if let streamed = try XLSXSheetStream(bytes, format: format, path: source.path, options: options) {
            file = streamed
        } else {
            file = try SheetRows(bytes, format: format, path: source.path, options: options)
        }
        return SurveyExportStream(file: file, source: source, format: format, options: options, rule: rule)
    }
}
