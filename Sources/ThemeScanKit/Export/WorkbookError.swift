/// Why a workbook could not be made; nothing is written.
public enum WorkbookError: Error, Equatable, CustomStringConvertible {
    /// A workbook needs at least one sheet.
    case noSheets
    /// A sheet has more rows or columns than Excel can open (1,048,576 rows, 16,384 columns).
    case sheetTooLarge(sheet: String, rows: Int, columns: Int)
    /// libxml2 could not write a part.
    case xml(MarkupError)
    /// The zip archive could not be built.
    case archive(reason: String)
    /// The file could not be written.
    case output(OutputError)

    public var description: String {
        switch self {
        case .noSheets:
            return "error: a workbook needs at least one sheet; no table was given"
        case .sheetTooLarge(let sheet, let rows, let columns):
            return "error: table \(sheet) has \(rows) rows and \(columns) columns, more than Excel opens "
                + "(1,048,576 rows, 16,384 columns); use its CSV file instead"
        case .xml(let error):
            return "error: \(error)"
        case .archive(let reason):
            return "error: cannot build the workbook's zip archive: \(reason)"
        case .output(let error):
            return error.description
        }
    }
}
