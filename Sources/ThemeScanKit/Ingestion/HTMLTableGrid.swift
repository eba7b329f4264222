/// The rows of the first `<table>` of an HTML page, as survey platforms export it under the name `.xls`.
///
/// Rows are the table's own `<tr>` (not those of nested tables), cells its `<td>`/`<th>`; a cell spanning
/// columns (`colspan`) is followed by empty cells, and a cell spanning rows (`rowspan`) leaves its columns empty
/// in the rows below, so later cells keep their columns.
enum HTMLTableGrid {
    static func rows(in page: HTMLPage, path: String) throws(IngestionError) -> [SpreadsheetRow] {
        let table: XMLNode
        do {
            guard let first = try page.tree.evaluate("(//table)[1]").nodes.first else {
                throw MarkupError.invalidXPath(expression: "//table", reason: "no match")
            }
            table = first
        } catch {
            throw .malformed(
                at: SourceLocation(path: path),
                reason: "this .xls is neither a binary workbook, SpreadsheetML nor an HTML table (no <table> found); "
                    + "open it in Excel or LibreOffice and save it as .xlsx or CSV")
        }
        var rows: [SpreadsheetRow] = []
        var spans: [Int: Int] = [:]  // column -> rows still covered by a rowspan from above
        for (position, row) in tableRows(of: table).enumerated() {
            var cells: [String] = []
            var column = 0
            func skipSpannedColumns() {
                while let remaining = spans[column], remaining > 0 {
                    spans[column] = remaining - 1
                    cells.append("")
                    column += 1
                }
            }
            for cell in row.elementChildren where ["td", "th"].contains(cell.localName.lowercased()) {
                skipSpannedColumns()
                cells.append(HTMLTextExtractor.text(of: [cell]))
                let columnSpan = min(max(cell.attribute("colspan").flatMap { Int($0.trimmingWhitespace()) } ?? 1, 1), 1000)
                let rowSpan = min(max(cell.attribute("rowspan").flatMap { Int($0.trimmingWhitespace()) } ?? 1, 1), 100_000)
                for offset in 0..<columnSpan {
                    if offset > 0 { cells.append("") }
                    if rowSpan > 1 { spans[column + offset] = rowSpan - 1 }
                }
                column += columnSpan
            }
            skipSpannedColumns()
            while cells.last == "" { cells.removeLast() }
            guard !cells.isEmpty else { continue }
            rows.append(SpreadsheetRow(number: position + 1, line: row.line, cells: cells))
        }
        return rows
    }

    /// The `<tr>` of `table` itself, directly or through `thead`/`tbody`/`tfoot`, in order.
    private static func tableRows(of table: XMLNode) -> [XMLNode] {
        var rows: [XMLNode] = []
        for child in table.elementChildren {
            switch child.localName.lowercased() {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": rows.append(contentsOf: child.elementChildren.filter { $0.localName.lowercased() == "tr" })
            default: continue
            }
        }
        return rows
    }
}
