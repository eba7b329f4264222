/// An Excel `.xlsx` workbook read as grids of cell texts: its sheet names, and the rows of one sheet.
///
/// Cells are placed by the column of their reference (`C5`), so empty cells between them stay empty. Values are
/// shown as stored: shared and inline strings (rich-text runs joined, phonetic guides left out), numbers as
/// written in the file, `TRUE`/`FALSE`, and the cached values of formulas.
public struct XLSXWorkbook {
    public let path: String
    /// The sheet names in workbook order.
    public let sheetNames: [String]
    private let sheetParts: [String]
    private let sharedStringsPart: String?
    private let package: OfficePackage

    static let binaryAdvice =
        "this .xls is a binary Excel workbook (or a password-protected Office file), which cannot be read; "
        + "open it in Excel or LibreOffice and save it as .xlsx or CSV"

    /// Opens the workbook in `bytes`; throws when it is not a readable `.xlsx`.
    public init(bytes: [UInt8], path: String, maximumEntryBytes: Int = IngestionOptions.defaultMaximumEntryBytes)
        throws(IngestionError)
    {
        if OLECompoundFile.matches(bytes) { throw .unsupportedFormat(path: path, advice: Self.binaryAdvice) }
        self.path = path
        package = try OfficePackage(bytes: bytes, path: path, maximumEntryBytes: maximumEntryBytes)
        let workbookPart = try package.requiredMainPart(
            fallback: "xl/workbook.xml", kind: "an Excel workbook", advice: "save it as .xlsx")
        let workbook = try package.xml(workbookPart)
        let relationships = try package.relationships(of: workbookPart)
        var names: [String] = []
        var parts: [String] = []
        let sheets = workbook.root?.elementChildren.first { $0.localName == "sheets" }?.elementChildren ?? []
        for (position, sheet) in sheets.enumerated() where sheet.localName == "sheet" {
            let name = sheet.attribute("name") ?? "Sheet\(position + 1)"
            let target = sheet.attribute("id").flatMap { relationships[$0]?.target }
            names.append(name)
            parts.append(target ?? "xl/worksheets/sheet\(position + 1).xml")
        }
        sheetNames = names
        sheetParts = parts
        let shared = relationships.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
        sharedStringsPart = shared ?? (package.archive.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
    }

    /// The rows of the sheet chosen by `sheet` (a name or 1-based number; the first sheet when nil), with
    /// warnings for cells that could not be read. Rows without any text are left out.
    public func rows(ofSheet sheet: String?) throws(IngestionError) -> (rows: [SpreadsheetRow], warnings: [Diagnostic]) {
        let (index, part) = try sheetPart(sheet)
        let sharedStrings = try loadSharedStrings()
        let bytes = try package.archive.bytes(of: part)
        var badIndexes: [String] = []
        // Read node by node; a part the reader leaves to the tree (a DTD, an entity reference, bytes that are not
        // well-formed) is read as a tree, which judges it as it always has.
        var rows: [SpreadsheetRow]
        if let pulled = Self.pulledRows(of: bytes, sharedStrings: sharedStrings) {
            (rows, badIndexes) = pulled
        } else {
            (rows, badIndexes) = Self.rows(of: try package.tree(part, bytes: bytes), sharedStrings: sharedStrings)
        }
        let warning = badIndexWarning(badIndexes, sheet: index, sharedStringCount: sharedStrings.count)
        return (rows, warning.map { [$0] } ?? [])
    }

    /// The archive the workbook's parts are in.
    var archive: ZipArchiveReader { package.archive }

    /// The position and part of the sheet chosen by `sheet` (a name or 1-based number; the first sheet when nil);
    /// throws when there is no such sheet or the archive lacks its part.
    func sheetPart(_ sheet: String?) throws(IngestionError) -> (index: Int, part: String) {
        let index = try SheetChoice.index(of: sheet, in: sheetNames, path: path)
        let part = sheetParts[index]
        guard package.archive.contains(part) else {
            throw .malformed(
                at: SourceLocation(path: path),
                reason: "the zip archive has no entry \(part) for sheet \"\(sheetNames[index])\"")
        }
        return (index, part)
    }

    /// The warning about cells of sheet `index` whose shared-string index is out of range; nil when there are none.
    func badIndexWarning(_ badIndexes: [String], sheet index: Int, sharedStringCount: Int) -> Diagnostic? {
        guard !badIndexes.isEmpty else { return nil }
        let named = badIndexes.prefix(3).joined(separator: ", ")
        let more = badIndexes.count > 3 ? " and \(badIndexes.count - 3) more" : ""
        return Diagnostic(
            .warning, at: SourceLocation(path: path),
            "sheet \"\(sheetNames[index])\": cell \(named)\(more) points past the shared strings "
                + "(\(sharedStringCount) of them); left empty. The workbook may be damaged: re-save it in Excel")
    }

    /// The rows of a worksheet's tree, with the references of cells whose shared-string index is out of range.
    static func rows(of tree: XMLTree, sharedStrings: XLSXSharedStrings) -> (rows: [SpreadsheetRow], badIndexes: [String]) {
        let sheetData = tree.root?.elementChildren.first { $0.localName == "sheetData" }
        var rows: [SpreadsheetRow] = []
        var badIndexes: [String] = []
        var previousRow = 0
        for rowNode in sheetData?.elementChildren ?? [] where rowNode.localName == "row" {
            let number = rowNode.attribute("r").flatMap { Int($0) } ?? previousRow + 1
            previousRow = number
            var cells = RowCells()
            for cell in rowNode.elementChildren where cell.localName == "c" {
                let value = Self.value(of: cell, sharedStrings: sharedStrings) { reference in
                    badIndexes.append(reference ?? "row \(number)")
                }
                cells.place(value, reference: cell.attribute("r"))
            }
            if let row = cells.row(number: number) { rows.append(row) }
        }
        return (rows, badIndexes)
    }

    /// A row's cells placed by the column of their reference, or after the last one without it.
    struct RowCells {
        private var cells: [String] = []
        private var nextColumn = 0

        mutating func place(_ value: String, reference: String?) {
            let column = reference.flatMap { CellReference($0)?.column } ?? nextColumn
            nextColumn = column + 1
            guard !value.isEmpty else { return }
            if cells.count <= column { cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count)) }
            cells[column] = value
        }

        /// The row, or nil when it holds no text.
        func row(number: Int) -> SpreadsheetRow? {
            cells.contains(where: { !$0.isEmpty }) ? SpreadsheetRow(number: number, cells: cells) : nil
        }
    }

    /// The workbook's shared strings: read as their part inflates, or, when it must be read whole, from its bytes
    /// node by node or as a tree, which then says what is wrong with it.
    func loadSharedStrings() throws(IngestionError) -> XLSXSharedStrings {
        guard let sharedStringsPart, package.archive.contains(sharedStringsPart) else { return XLSXSharedStrings([]) }
        if let streamed = XLSXSharedStrings.streamed(sharedStringsPart, in: package.archive) { return streamed }
        let bytes = try package.archive.bytes(of: sharedStringsPart)
        if let pulled = Self.pulledSharedStrings(of: bytes) { return XLSXSharedStrings(pulled) }
        let tree = try package.tree(sharedStringsPart, bytes: bytes)
        return XLSXSharedStrings(Self.sharedStrings(of: tree))
    }

    /// The string items of a shared-strings part's tree: `richText` of each `si` child of the root.
    static func sharedStrings(of tree: XMLTree) -> [String] {
        (tree.root?.elementChildren ?? []).filter { $0.localName == "si" }.map(Self.richText)
    }

    /// The text of a string item: its `t`, or its runs' `t` joined, without phonetic guides (`rPh`).
    static func richText(of item: XMLNode) -> String {
        var text = ""
        for child in item.elementChildren {
            switch child.localName {
            case "t": text += child.textContent
            case "r": text += child.elementChildren.filter { $0.localName == "t" }.map(\.textContent).joined()
            default: continue
            }
        }
        return text
    }

    /// The text of a cell; `badIndex` hears of a shared-string index out of range (with the cell reference).
    static func value(of cell: XMLNode, sharedStrings: XLSXSharedStrings, badIndex: (String?) -> Void) -> String {
        let type = cell.attribute("t")
        if type == "inlineStr" {
            return cell.elementChildren.first { $0.localName == "is" }.map(richText) ?? ""
        }
        let raw = cell.elementChildren.first(where: { $0.localName == "v" })?.textContent
        return value(type: type, raw: raw, sharedStrings: sharedStrings) { badIndex(cell.attribute("r")) }
    }

    /// The text of a cell of type `type` (`t`) that is not an inline string, whose `v` holds `raw`; `badIndex`
    /// hears of a shared-string index out of range.
    /// The shared-string index a cell's `v` holds, when it is a whole number within the `count` strings.
    static func sharedStringIndex(_ raw: String, count: Int) -> Int? {
        guard let index = Int(raw.trimmingWhitespace()), index >= 0, index < count else { return nil }
        return index
    }

    static func value(type: String?, raw: String?, sharedStrings: XLSXSharedStrings, badIndex: () -> Void) -> String {
        guard let raw else { return "" }
        switch type ?? "n" {
        case "s":
            guard let index = sharedStringIndex(raw, count: sharedStrings.count), let text = sharedStrings[index] else {
                badIndex()
                return ""
            }
            return text
        case "b":
            return raw.trimmingWhitespace() == "1" ? "TRUE" : "FALSE"
        default:
            return raw
        }
    }
}
