/// One sheet of a workbook: its name, a header row (shown bold and frozen) and rows of typed cells.
public struct WorkbookSheet: Sendable, Equatable {
    /// The name asked for; the writer makes it fit Excel's rules (see `XLSXWorkbookWriter.sheetNames`).
    public var name: String
    public var header: [String]
    public var rows: [[WorkbookCell]]

    public init(name: String, header: [String], rows: [[WorkbookCell]] = []) {
        self.name = name
        self.header = header
        self.rows = rows
    }
}
