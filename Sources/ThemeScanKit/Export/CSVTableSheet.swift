/// A CSV table seen as a worksheet, its cells made a row at a time as the writer asks for them: each numeric
/// column's fields as numbers, every other field as text, empty fields as empty cells.
///
/// A column is numeric when it has at least one value and every non-empty value is a plain number (see
/// `WorkbookSheet.number(in:)`); deciding per column keeps a column of identifiers such as `1, 2, P03` all text,
/// so it sorts one way in Excel. Columns whose header is in `textColumns` (such as `case`, whose identifiers may
/// all happen to be digits) are always text.
public struct CSVTableSheet: WorksheetSource {
    public let name: String
    public let table: any CSVTableSource
    public let columnCount: Int
    /// Whether each column's fields are written as numbers: every non-empty one was checked to be a plain number.
    private let numeric: [Bool]

    /// A sheet of `table`, its columns judged as `CSVTableSource.columnKinds` says.
    public init(name: String, table: any CSVTableSource, textColumns: Set<String> = []) {
        let (numeric, filled) = table.columnKinds(textColumns: textColumns)
        self.name = name
        self.table = table
        self.columnCount = numeric.count
        self.numeric = zip(numeric, filled).map { $0 && $1 }
    }

    public var header: [String] { table.header }

    public var rowCount: Int { table.rowCount }

    public func cells(ofRow index: Int) -> [WorkbookCell] {
        table.row(at: index).enumerated().map { column, field -> WorkbookCell in
            if field.isEmpty { return .empty }
            // Checked field by field when the column was found numeric: reading the value is all that is left.
            if numeric[column], let value = WorkbookSheet.number(in: field) ?? Double(field) { return .number(value) }
            return .text(field)
        }
    }
}
