/// Reads a worksheet's rows one at a time from an XML pull reader, as `XLSXWorkbook.rows(of:sharedStrings:)` reads
/// them from the sheet's tree: the root's first `sheetData`, its `row` children, and their cells.
///
/// Each row is read whole with the reader's walk (`XLSXWorkbook+PulledRows`); between rows the reader stays where it
/// is, so a sheet inflated as it is read is handed on a block at a time. The walk past the last row reads the rest
/// of the document, which must be well-formed.
struct XLSXSheetRowReader {
    private enum Place {
        case beforeRoot
        case inRoot
        case inSheetData
        case afterRoot
        case done
    }

    private let reader: XMLPullReader
    private let sharedStrings: XLSXSharedStrings
    private var place = Place.beforeRoot
    private var sheetDataSeen = false
    private var previousRow = 0
    /// Whether rows are only walked, not made (`checkToEnd()`).
    private var checksOnly = false
    /// References of the cells read so far whose shared-string index is out of range.
    private(set) var badIndexes: [String] = []

    init(_ reader: XMLPullReader, sharedStrings: XLSXSharedStrings) {
        self.reader = reader
        self.sharedStrings = sharedStrings
    }

    /// The next row with text, or nil after the document's end. Throws `XLSXWorkbook.LeftToTree` for what the tree
    /// must judge, as the whole walk does.
    mutating func nextRow() throws -> SpreadsheetRow? {
        while true {
            switch place {
            case .beforeRoot:
                guard try XLSXWorkbook.advance(reader) else {
                    place = .done
                    return nil
                }
                if reader.kind == .element, reader.depth == 0 { place = reader.isEmptyElement ? .afterRoot : .inRoot }
            case .inRoot:
                guard try XLSXWorkbook.advance(reader) else { throw XLSXWorkbook.LeftToTree() }
                if reader.kind == .endElement, reader.depth == 0 {
                    place = .afterRoot
                } else if reader.kind == .element, reader.depth == 1 {
                    if !sheetDataSeen, reader.isNamed("sheetData") {
                        sheetDataSeen = true
                        if !reader.isEmptyElement { place = .inSheetData }
                    } else {
                        try XLSXWorkbook.skip(reader)
                    }
                }
            case .inSheetData:
                guard try XLSXWorkbook.advance(reader) else { throw XLSXWorkbook.LeftToTree() }
                if reader.kind == .endElement, reader.depth == 1 {
                    place = .inRoot
                } else if reader.kind == .element, reader.depth == 2 {
                    guard reader.isNamed("row") else {
                        try XLSXWorkbook.skip(reader)
                        continue
                    }
                    if let row = try readRow() { return row }
                }
            case .afterRoot:
                guard try XLSXWorkbook.advance(reader) else {
                    place = .done
                    return nil
                }
            case .done:
                return nil
            }
        }
    }

    /// Walks the rest of the sheet to its end as `nextRow()` reads it, finding the same bad shared-string indexes,
    /// without making the rows' text. Throws as `nextRow()` throws.
    mutating func checkToEnd() throws {
        checksOnly = true
        while try nextRow() != nil {}
    }

    /// The row element the reader is on, consumed through its end; nil when it holds no text, or when rows are only
    /// checked.
    private mutating func readRow() throws -> SpreadsheetRow? {
        let number = reader.attribute("r").flatMap { Int($0) } ?? previousRow + 1
        previousRow = number
        if checksOnly {
            try XLSXWorkbook.forEachChild(of: reader) {
                guard reader.isNamed("c") else { return try XLSXWorkbook.skip(reader) }
                let reference = reader.attribute("r")
                if try XLSXWorkbook.pointsPastSharedStrings(in: reader, count: sharedStrings.count) {
                    badIndexes.append(reference ?? "row \(number)")
                }
            }
            return nil
        }
        var cells = XLSXWorkbook.RowCells()
        try XLSXWorkbook.forEachChild(of: reader) {
            guard reader.isNamed("c") else { return try XLSXWorkbook.skip(reader) }
            let reference = reader.attribute("r")
            let value = try XLSXWorkbook.cellValue(in: reader, sharedStrings: sharedStrings) {
                badIndexes.append(reference ?? "row \(number)")
            }
            cells.place(value, reference: reference)
        }
        return cells.row(number: number)
    }
}
