/// A SpreadsheetML 2003 workbook (XML in `urn:schemas-microsoft-com:office:spreadsheet`), which survey
/// platforms and old Excel versions save under the name `.xls`.
struct SpreadsheetMLWorkbook {
    static let namespace = "urn:schemas-microsoft-com:office:spreadsheet"

    let path: String
    let sheetNames: [String]
    private let worksheets: [XMLNode]

    /// Whether `bytes` look like SpreadsheetML: an XML declaration and the namespace near the start.
    static func matches(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let start = head.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        return start.hasPrefix("<?xml") && head.contains(namespace)
    }

    init(bytes: [UInt8], path: String) throws(IngestionError) {
        self.path = path
        let tree: XMLTree
        do {
            tree = try XMLTree(xml: bytes)
        } catch {
            guard case .notWellFormed(let line, _, let reason) = error else {
                throw .malformed(at: SourceLocation(path: path), reason: "\(error)")
            }
            throw .malformed(
                at: SourceLocation(path: path, line: line),
                reason: "the SpreadsheetML is not well-formed XML (\(reason)); re-save it from Excel")
        }
        worksheets = (tree.root?.elementChildren ?? []).filter { $0.localName == "Worksheet" }
        sheetNames = worksheets.enumerated().map { $0.element.attribute("Name") ?? "Sheet\($0.offset + 1)" }
    }

    /// The rows of the chosen sheet; `ss:Index` on rows and cells leaves gaps, `ss:MergeAcross` spans columns.
    func rows(ofSheet sheet: String?) throws(IngestionError) -> [SpreadsheetRow] {
        let index = try SheetChoice.index(of: sheet, in: sheetNames, path: path)
        let table = worksheets[index].elementChildren.first { $0.localName == "Table" }
        var rows: [SpreadsheetRow] = []
        var number = 0
        for row in table?.elementChildren ?? [] where row.localName == "Row" {
            number = row.attribute("Index", namespace: Self.namespace).flatMap { Int($0) } ?? number + 1
            var cells: [String] = []
            var column = 0
            for cell in row.elementChildren where cell.localName == "Cell" {
                if let position = cell.attribute("Index", namespace: Self.namespace).flatMap({ Int($0) }), position >= 1 {
                    column = position - 1
                }
                let value = cell.elementChildren.first { $0.localName == "Data" }?.textContent ?? ""
                if !value.isEmpty {
                    if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
                    cells[column] = value
                }
                let merged = cell.attribute("MergeAcross", namespace: Self.namespace).flatMap { Int($0) } ?? 0
                column += 1 + max(merged, 0)
            }
            if cells.contains(where: { !$0.isEmpty }) {
                rows.append(SpreadsheetRow(number: number, line: row.line, cells: cells))
            }
        }
        return rows
    }
}
