extension XLSXWorkbookWriter {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    /// The style index of the bold header cells in `styles()`.
    static let headerStyle = "1"

    /// Shared strings in order of first use, each stored once, until they hold `maximumBytes`.
    ///
    /// Bounded because the table is held until the last sheet is written, and a sheet with a row per survey row
    /// adds a string for nearly every cell (ids, times, IP addresses): 55,000 rows with 20 columns held 17 MB of
    /// strings. Text that finds the table full is written in its cell (`inlineStr`), which Excel reads alike.
    struct SharedStrings {
        /// The UTF-8 bytes of the strings plus `entryBytes` for each, at most.
        let maximumBytes: Int
        /// What an entry costs besides its text: its place in the index and in the list.
        static let entryBytes = 64
        private var indexes: [String: Int] = [:]
        private var strings: [String] = []
        private var uses = 0
        private var bytes = 0

        init(maximumBytes: Int) {
            self.maximumBytes = maximumBytes
        }

        /// The index of `text` in the part, adding it when new; nil when it is new and the part is full.
        mutating func index(of text: String) -> Int? {
            if let index = indexes[text] {
                uses += 1
                return index
            }
            let cost = text.utf8.count + Self.entryBytes
            guard bytes + cost <= maximumBytes else { return nil }
            uses += 1
            bytes += cost
            indexes[text] = strings.count
            strings.append(text)
            return strings.count - 1
        }

        func part() throws(MarkupError) -> [UInt8] {
            let writer = try XMLWriter(indent: false)
            writer.startElement("sst")
            writer.attribute("xmlns", XLSXWorkbookWriter.mainNamespace)
            writer.attribute("count", String(uses))
            writer.attribute("uniqueCount", String(strings.count))
            for text in strings {
                writer.startElement("si")
                XLSXWorkbookWriter.writeText(text, to: writer)
                writer.endElement()
            }
            return try writer.finish()
        }
    }

    /// A cell holding `text` itself (`inlineStr`), escaped as XML text, its spaces kept as `writeText` keeps them;
    /// `column` and `row` make its reference.
    ///
    /// Once the shared strings are full, nearly every text cell of a large sheet comes here: the bytes are
    /// appended in place, with no array made per piece.
    static func inlineCell(_ text: String, column: [UInt8], row: UnsafeRawBufferPointer, style: [UInt8]) -> [UInt8] {
        var cell: [UInt8] = []
        cell.reserveCapacity(64 + style.count + text.utf8.count + text.utf8.count / 4)
        cell.append(contentsOf: "<c r=\"".utf8)
        cell.append(contentsOf: column)
        cell.append(contentsOf: row)
        cell.append(UInt8(ascii: "\""))
        if !style.isEmpty {
            cell.append(contentsOf: " s=\"".utf8)
            cell.append(contentsOf: style)
            cell.append(UInt8(ascii: "\""))
        }
        cell.append(contentsOf: " t=\"inlineStr\"><is><t".utf8)
        if keepsSpaces(text) { cell.append(contentsOf: " xml:space=\"preserve\"".utf8) }
        cell.append(UInt8(ascii: ">"))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): cell.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): cell.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): cell.append(contentsOf: "&gt;".utf8)
            // A carriage return would be read back as a line feed.
            case 0x0D: cell.append(contentsOf: "&#13;".utf8)
            default: cell.append(byte)
            }
        }
        cell.append(contentsOf: "</t></is></c>".utf8)
        return cell
    }

    /// Whether a `<t>` element of `text` must be marked to keep its spaces: it starts or ends with white space.
    static func keepsSpaces(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
    }

    /// A `<t>` element, marked to keep its spaces when it starts or ends with white space.
    static func writeText(_ text: String, to writer: XMLWriter) {
        writer.startElement("t")
        if keepsSpaces(text) { writer.attribute("xml:space", "preserve") }
        writer.text(text)
        writer.endElement()
    }

    /// How many rows a worksheet writer writes between calls to its `everyRows`.
    static let rowsBetweenCalls = 1024

    /// A writer holding the worksheet part of `sheet`, all but finished: its text goes into `strings`. `everyRows`
    /// is called with the writer after each `rowsBetweenCalls` rows, to drain what it holds.
    static func worksheetWriter(
        _ sheet: some WorksheetSource, strings: inout SharedStrings, everyRows: (XMLWriter) throws -> Void = { _ in }
    ) throws -> XMLWriter {
        let writer = try XMLWriter(indent: false)
        let widths = columnWidths(sheet)
        writer.startElement("worksheet")
        writer.attribute("xmlns", mainNamespace)
        writer.attribute("xmlns:r", relationshipNamespace)
        writer.startElement("dimension")
        let lastColumn = columnName(max(widths.count, 1) - 1)
        writer.attribute("ref", "A1:\(lastColumn)\(sheet.rowCount + 1)")
        writer.endElement()
        writer.startElement("sheetViews")
        writer.startElement("sheetView")
        writer.attribute("workbookViewId", "0")
        writer.startElement("pane")
        writer.attribute("ySplit", "1")
        writer.attribute("topLeftCell", "A2")
        writer.attribute("activePane", "bottomLeft")
        writer.attribute("state", "frozen")
        writer.endElement()
        writer.startElement("selection")
        writer.attribute("pane", "bottomLeft")
        writer.attribute("activeCell", "A2")
        writer.attribute("sqref", "A2")
        writer.endElement()
        writer.endElement()
        writer.endElement()
        writer.startElement("sheetFormatPr")
        writer.attribute("defaultRowHeight", "15")
        writer.endElement()
        if !widths.isEmpty {
            writer.startElement("cols")
            for (index, width) in widths.enumerated() {
                writer.startElement("col")
                writer.attribute("min", String(index + 1))
                writer.attribute("max", String(index + 1))
                writer.attribute("width", String(width))
                writer.attribute("customWidth", "1")
                writer.endElement()
            }
            writer.endElement()
        }
        writer.startElement("sheetData")
        // Named once per sheet: a table with a case per survey row has millions of cells.
        let columns = (0..<max(sheet.header.count, widths.count)).map { Array(columnName($0).utf8) }
        writeRow(1, sheet.header.map { .text($0) }, style: headerStyle, columns: columns, to: writer, strings: &strings)
        for index in 0..<sheet.rowCount {
            writeRow(index + 2, sheet.cells(ofRow: index), style: nil, columns: columns, to: writer, strings: &strings)
            if index % rowsBetweenCalls == rowsBetweenCalls - 1 { try everyRows(writer) }
        }
        writer.endElement()
        writer.endElement()
        return writer
    }

    /// One row; `columns` names the sheet's columns by index.
    ///
    /// Rendered as bytes and written raw, as libxml2's writer would write it: every value here is a cell
    /// reference, a style or shared-string number or a number's digits, none of which XML escapes, and text goes
    /// into the shared strings, or once they are full into its cell, escaped here (`inlineCell`). A call into
    /// libxml2 per element and attribute was most of writing a sheet with a case per survey row.
    private static func writeRow(
        _ number: Int, _ cells: [WorkbookCell], style: String?, columns: [[UInt8]], to writer: XMLWriter,
        strings: inout SharedStrings
    ) {
        let style = style.map { Array($0.utf8) } ?? []
        // The most a cell takes: its tags and attributes (47 bytes), its reference (a column of up to three
        // letters and a row of up to seven digits), a style, and a value of up to 24 characters.
        let capacity = 40 + cells.count * (96 + style.count)
        // The row's number goes past the row's bytes, which are started again after a cell written inline.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity + 20) { buffer in
            var digits = ByteCursor(UnsafeMutableBufferPointer(rebasing: buffer[capacity...]))
            digits.put(digitsOf: Int64(number))
            let row = digits.written
            var bytes = ByteCursor(UnsafeMutableBufferPointer(rebasing: buffer[..<capacity]))
            bytes.put("<row r=\"")
            bytes.put(row)
            bytes.put("\"")
            var rowTagClosed = false
            func closeRowTag() {
                if !rowTagClosed { bytes.put(">") }
                rowTagClosed = true
            }
            /// Everything of a cell up to its value.
            func open(_ column: Int, shared: Bool) {
                closeRowTag()
                bytes.put("<c r=\"")
                bytes.put(columns[column])
                bytes.put(row)
                bytes.put("\"")
                if !style.isEmpty {
                    bytes.put(" s=\"")
                    bytes.put(style)
                    bytes.put("\"")
                }
                if shared { bytes.put(" t=\"s\"") }
                bytes.put("><v>")
            }
            for (column, content) in cells.enumerated() {
                switch content {
                case .empty:
                    continue
                case .number(let value) where value.isFinite:
                    open(column, shared: false)
                    // A whole number's digits straight into the row, as `numberText` would write them.
                    if value == value.rounded(), abs(value) < 1e15 {
                        bytes.put(digitsOf: Int64(value))
                    } else {
                        bytes.put(Array(numberText(value).utf8))
                    }
                case .number(let value):
                    // Excel has no infinity or NaN: they are kept as the text they print as.
                    putText("\(value)", column: column)
                    continue
                case .text(let text):
                    let cleaned = cellText(text)
                    if cleaned.isEmpty { continue }
                    putText(cleaned, column: column)
                    continue
                }
                bytes.put("</v></c>")
            }
            /// A text cell: a shared string's index, or the text itself once the shared strings are full, written
            /// out with what precedes it since it may be longer than the row's memory.
            func putText(_ text: String, column: Int) {
                if let index = strings.index(of: text) {
                    open(column, shared: true)
                    bytes.put(digitsOf: Int64(index))
                    bytes.put("</v></c>")
                    return
                }
                closeRowTag()
                writer.raw(bytes.written)
                bytes.rewind()
                writer.raw(inlineCell(text, column: columns[column], row: row, style: style))
            }
            if !rowTagClosed { bytes.put("/>") } else { bytes.put("</row>") }
            writer.raw(bytes.written)
        }
    }

    static func contentTypes(sheetCount: Int) throws(MarkupError) -> [UInt8] {
        let writer = try XMLWriter(indent: false)
        writer.startElement("Types")
        writer.attribute("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")
        for (fileExtension, type) in [
            ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml"),
        ] {
            writer.startElement("Default")
            writer.attribute("Extension", fileExtension)
            writer.attribute("ContentType", type)
            writer.endElement()
        }
        let spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        var overrides = [
            ("/xl/workbook.xml", "\(spreadsheet).sheet.main+xml"),
            ("/xl/styles.xml", "\(spreadsheet).styles+xml"),
            ("/xl/sharedStrings.xml", "\(spreadsheet).sharedStrings+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        for index in 1...sheetCount {
            overrides.append(("/xl/worksheets/sheet\(index).xml", "\(spreadsheet).worksheet+xml"))
        }
        for (part, type) in overrides {
            writer.startElement("Override")
            writer.attribute("PartName", part)
            writer.attribute("ContentType", type)
            writer.endElement()
        }
        return try writer.finish()
    }

    static func packageRelationships() throws(MarkupError) -> [UInt8] {
        try relationships([
            ("\(relationshipNamespace)/officeDocument", "xl/workbook.xml"),
            ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("\(relationshipNamespace)/extended-properties", "docProps/app.xml"),
        ])
    }

    static func workbookRelationships(sheetCount: Int) throws(MarkupError) -> [UInt8] {
        // Sheets take rId1…rIdN, so the workbook part can name them by position.
        var targets = (1...sheetCount).map { ("\(relationshipNamespace)/worksheet", "worksheets/sheet\($0).xml") }
        targets.append(("\(relationshipNamespace)/styles", "styles.xml"))
        targets.append(("\(relationshipNamespace)/sharedStrings", "sharedStrings.xml"))
        return try relationships(targets)
    }

    private static func relationships(_ targets: [(type: String, target: String)]) throws(MarkupError) -> [UInt8] {
        let writer = try XMLWriter(indent: false)
        writer.startElement("Relationships")
        writer.attribute("xmlns", packageRelationshipNamespace)
        for (index, relationship) in targets.enumerated() {
            writer.startElement("Relationship")
            writer.attribute("Id", "rId\(index + 1)")
            writer.attribute("Type", relationship.type)
            writer.attribute("Target", relationship.target)
            writer.endElement()
        }
        return try writer.finish()
    }

    static func workbook(_ names: [String]) throws(MarkupError) -> [UInt8] {
        let writer = try XMLWriter(indent: false)
        writer.startElement("workbook")
        writer.attribute("xmlns", mainNamespace)
        writer.attribute("xmlns:r", relationshipNamespace)
        writer.startElement("bookViews")
        writer.startElement("workbookView")
        writer.endElement()
        writer.endElement()
        writer.startElement("sheets")
        for (index, name) in names.enumerated() {
            writer.startElement("sheet")
            writer.attribute("name", name)
            writer.attribute("sheetId", String(index + 1))
            writer.attribute("r:id", "rId\(index + 1)")
            writer.endElement()
        }
        writer.endElement()
        writer.endElement()
        return try writer.finish()
    }

    /// Two cell formats: the default, and bold for the header row.
    static func styles() throws(MarkupError) -> [UInt8] {
        let writer = try XMLWriter(indent: false)
        writer.startElement("styleSheet")
        writer.attribute("xmlns", mainNamespace)
        writer.startElement("fonts")
        writer.attribute("count", "2")
        for bold in [false, true] {
            writer.startElement("font")
            if bold {
                writer.startElement("b")
                writer.endElement()
            }
            writer.startElement("sz")
            writer.attribute("val", "11")
            writer.endElement()
            writer.startElement("name")
            writer.attribute("val", "Calibri")
            writer.endElement()
            writer.endElement()
        }
        writer.endElement()
        // Excel expects the two built-in fills (none and gray125) to be present.
        writer.startElement("fills")
        writer.attribute("count", "2")
        for pattern in ["none", "gray125"] {
            writer.startElement("fill")
            writer.startElement("patternFill")
            writer.attribute("patternType", pattern)
            writer.endElement()
            writer.endElement()
        }
        writer.endElement()
        writer.startElement("borders")
        writer.attribute("count", "1")
        writer.startElement("border")
        for side in ["left", "right", "top", "bottom", "diagonal"] {
            writer.startElement(side)
            writer.endElement()
        }
        writer.endElement()
        writer.endElement()
        writer.startElement("cellStyleXfs")
        writer.attribute("count", "1")
        writeFormat(font: "0", to: writer, inStyle: false)
        writer.endElement()
        writer.startElement("cellXfs")
        writer.attribute("count", "2")
        writeFormat(font: "0", to: writer, inStyle: true)
        writeFormat(font: "1", to: writer, inStyle: true)
        writer.endElement()
        writer.startElement("cellStyles")
        writer.attribute("count", "1")
        writer.startElement("cellStyle")
        writer.attribute("name", "Normal")
        writer.attribute("xfId", "0")
        writer.attribute("builtinId", "0")
        writer.endElement()
        writer.endElement()
        writer.endElement()
        return try writer.finish()
    }

    private static func writeFormat(font: String, to writer: XMLWriter, inStyle: Bool) {
        writer.startElement("xf")
        writer.attribute("numFmtId", "0")
        writer.attribute("fontId", font)
        writer.attribute("fillId", "0")
        writer.attribute("borderId", "0")
        if inStyle {
            writer.attribute("xfId", "0")
            if font != "0" { writer.attribute("applyFont", "1") }
        }
        writer.endElement()
    }

    static func appProperties() throws(MarkupError) -> [UInt8] {
        let writer = try XMLWriter(indent: false)
        writer.startElement("Properties")
        writer.attribute("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
        writer.element("Application", text: "themescan")
        writer.endElement()
        return try writer.finish()
    }

    /// Core properties without dates, so the same tables give the same bytes.
    static func coreProperties() throws(MarkupError) -> [UInt8] {
        let writer = try XMLWriter(indent: false)
        writer.startElement("cp:coreProperties")
        writer.attribute("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        writer.attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        writer.element("dc:creator", text: "themescan")
        writer.endElement()
        return try writer.finish()
    }
}
