extension WorkbookSheet: WorksheetSource {
    public var rowCount: Int { rows.count }

    public var columnCount: Int { max(header.count, rows.map(\.count).max() ?? 0) }

    public func cells(ofRow index: Int) -> [WorkbookCell] { rows[index] }
}
