/// Reads spreadsheet files (`.xlsx`, and `.xls` that is an HTML table, SpreadsheetML 2003 or a renamed
/// `.xlsx`) into rows of cell texts.
///
/// Turning rows into documents belongs to the table layer; until it is there, reading such a file as documents
/// checks that its grid is readable and then reports that rows are not yet turned into documents.
public struct SpreadsheetGridReader: DocumentReader {
    public var format: DocumentFormat
    public var options: IngestionOptions

    public init(format: DocumentFormat, options: IngestionOptions = IngestionOptions()) {
        self.format = format
        self.options = options
    }

    public func read(_ bytes: consuming [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult {
        _ = try Self.rows(in: bytes, format: format, path: source.path, options: options)
        throw .unsupportedFormat(
            path: source.path,
            advice: "spreadsheet rows are not turned into documents in this version; save the sheet as CSV")
    }

    /// The rows of the sheet `options.sheet` (the first when nil), with warnings for cells that could not be read.
    public static func rows(
        in bytes: [UInt8], format: DocumentFormat, path: String, options: IngestionOptions
    ) throws(IngestionError) -> (rows: [SpreadsheetRow], warnings: [Diagnostic]) {
        switch format {
        case .xlsx:
            return try XLSXWorkbook(bytes: bytes, path: path, maximumEntryBytes: options.maximumEntryBytes)
                .rows(ofSheet: options.sheet)
        case .xls:
            if OLECompoundFile.matches(bytes) {
                throw .unsupportedFormat(path: path, advice: XLSXWorkbook.binaryAdvice)
            }
            if ZipArchiveReader.looksLikeZip(bytes) {
                return try rows(in: bytes, format: .xlsx, path: path, options: options)
            }
            if SpreadsheetMLWorkbook.matches(bytes) {
                return (try SpreadsheetMLWorkbook(bytes: bytes, path: path).rows(ofSheet: options.sheet), [])
            }
            let page = try HTMLPage(bytes: bytes, path: path, encoding: options.encoding)
            return (try HTMLTableGrid.rows(in: page, path: path), page.warnings)
        default:
            throw .unsupportedFormat(path: path, advice: "\(format.rawValue) files are not spreadsheets with sheets")
        }
    }
}
