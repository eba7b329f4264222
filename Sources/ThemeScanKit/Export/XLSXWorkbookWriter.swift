/// Writes sheets as an Excel workbook (`.xlsx`, Office Open XML) whose bytes depend only on the sheets.
///
/// Each sheet's header row is bold and frozen; numbers are stored as numbers and text in one shared-strings
/// part (in order of first use) until that holds `sharedStringBytes`, and in its cell after that. Characters
/// XML 1.0 forbids (control characters other than tab and line breaks) are dropped from every cell, and text
/// longer than Excel's cell limit (32,767 UTF-16 units) is cut there. Column widths are estimated from the widest
/// cell of the header and the first rows (`columnWidths`), CJK characters counting double.
public enum XLSXWorkbookWriter {
    /// Excel's limits on one sheet and one cell.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384
    static let maximumCellUnits = 32_767
    /// Excel refuses sheet names longer than this (in UTF-16 units) or holding one of these characters.
    static let maximumSheetNameUnits = 31
    static let forbiddenSheetNameCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// The workbook's bytes.
    public static func bytes(_ sheets: [WorkbookSheet]) throws(WorkbookError) -> [UInt8] {
        try bytes(names: sheets.map(\.name)) { sheets[$0] }
    }

    /// How many bytes of worksheet XML are held before they are compressed into the archive.
    public static let defaultDrainBytes = 1 << 20

    /// How many bytes of text (plus `SharedStrings.entryBytes` per string) the shared strings hold at most;
    /// text past that is written in its cell.
    public static let defaultSharedStringBytes = 8 << 20

    /// The bytes of a workbook of sheets with these names, each made by `sheet` (given its index) only when it
    /// is written (see `write(names:drainBytes:to:sheet:)`).
    public static func bytes(
        names: [String], drainBytes: Int = defaultDrainBytes, sharedStringBytes: Int = defaultSharedStringBytes,
        sheet: (Int) throws(WorkbookError) -> any WorksheetSource
    ) throws(WorkbookError) -> [UInt8] {
        var workbook: [UInt8] = []
        try write(names: names, drainBytes: drainBytes, sharedStringBytes: sharedStringBytes, to: { workbook += $0 }, sheet: sheet)
        return workbook
    }

    /// Writes a workbook of sheets with these names, each made by `sheet` (given its index) only when it is
    /// written, handing its bytes to `emit` a piece at a time. One sheet at a time is held, as cells, and its XML
    /// goes into the archive compressed as it is written, `drainBytes` at a time; the shared strings, which every
    /// sheet adds to and which are held to the end (at most `sharedStringBytes`), come last. The sheet with a row
    /// per case of a survey export of 277,000 rows is 700 MB of XML, and the workbook over 100 MB: neither is ever
    /// held. A failure of `emit` is thrown as `.output`.
    public static func write(
        names requested: [String], drainBytes: Int = defaultDrainBytes, sharedStringBytes: Int = defaultSharedStringBytes,
        to emit: ([UInt8]) throws(OutputError) -> Void,
        sheet: (Int) throws(WorkbookError) -> any WorksheetSource
    ) throws(WorkbookError) {
        guard !requested.isEmpty else { throw .noSheets }
        let names = sheetNames(requested)
        var strings = SharedStrings(maximumBytes: sharedStringBytes)
        do {
            try ZipArchiveWriter.write({ sink in
                func put(_ path: String, _ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try sink.add(path, $0) } }
                try put("[Content_Types].xml", try contentTypes(sheetCount: names.count))
                try put("_rels/.rels", try packageRelationships())
                try put("docProps/app.xml", try appProperties())
                try put("docProps/core.xml", try coreProperties())
                try put("xl/workbook.xml", try workbook(names))
                try put("xl/_rels/workbook.xml.rels", try workbookRelationships(sheetCount: names.count))
                try put("xl/styles.xml", try styles())
                for index in names.indices {
                    let made = try sheet(index)
                    let columns = made.columnCount
                    if made.rowCount + 1 > maximumRows || columns > maximumColumns {
                        throw WorkbookError.sheetTooLarge(sheet: made.name, rows: made.rowCount + 1, columns: columns)
                    }
                    try sink.add("xl/worksheets/sheet\(index + 1).xml") { compress in
                        let writer = try worksheetWriter(made, strings: &strings) { writer in
                            if writer.bufferedByteCount >= drainBytes { try writer.drain(compress) }
                        }
                        // The rest is compressed straight from libxml2's buffer.
                        try writer.finish(lending: compress)
                    }
                }
                try put("xl/sharedStrings.xml", try strings.part())
            }, to: { (piece: [UInt8]) throws in try emit(piece) })
        } catch let error as WorkbookError {
            throw error
        } catch let error as MarkupError {
            throw .xml(error)
        } catch let error as OutputError {
            throw .output(error)
        } catch {
            throw .archive(reason: "\(error)")
        }
    }

    /// Writes the workbook to `path` all at once (see `OutputFile`).
    public static func write(_ sheets: [WorkbookSheet], to path: String) throws(WorkbookError) {
        let bytes = try bytes(sheets)
        do {
            try OutputFile(path: path).write(bytes)
        } catch {
            throw .output(error)
        }
    }

    /// The names the sheets get: forbidden characters become `_`, names are cut to 31 units, an empty name
    /// becomes `SheetN`, and a name already taken (Excel compares them ignoring case) gets ` (2)`, ` (3)`…
    public static func sheetNames(_ requested: [String]) -> [String] {
        var taken: Set<String> = []
        var names: [String] = []
        for (index, request) in requested.enumerated() {
            var base = String(
                request.map { forbiddenSheetNameCharacters.contains($0) ? "_" : $0 }
                    .filter { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F } })
            // Excel refuses a name that starts or ends with an apostrophe, and reserves "History".
            while base.hasPrefix("'") { base.removeFirst() }
            while base.hasSuffix("'") { base.removeLast() }
            if base.isEmpty { base = "Sheet\(index + 1)" }
            if base.lowercased() == "history" { base += "_" }
            var name = truncated(base, toUTF16Units: maximumSheetNameUnits)
            var number = 2
            while taken.contains(name.lowercased()) {
                let suffix = " (\(number))"
                name = truncated(base, toUTF16Units: maximumSheetNameUnits - suffix.utf16.count) + suffix
                number += 1
            }
            taken.insert(name.lowercased())
            names.append(name)
        }
        return names
    }

    /// The column letters of a 0-based column index: 0 is `A`, 25 `Z`, 26 `AA`.
    static func columnName(_ index: Int) -> String {
        var letters: [Character] = []
        var remaining = index + 1
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The text with the characters XML 1.0 forbids removed and cut to Excel's cell limit.
    static func cellText(_ text: String) -> String {
        var cleaned = text
        if text.unicodeScalars.contains(where: { !XMLWriter.isAllowed($0) }) {
            cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter(XMLWriter.isAllowed)))
        }
        return cleaned.utf16.count > maximumCellUnits ? truncated(cleaned, toUTF16Units: maximumCellUnits) : cleaned
    }

    /// The longest prefix of whole characters that fits in `limit` UTF-16 units.
    static func truncated(_ text: String, toUTF16Units limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var result = ""
        var units = 0
        for character in text {
            let length = character.utf16.count
            if units + length > limit { break }
            result.append(character)
            units += length
        }
        return result
    }

    /// A number as Excel stores it: integers without a fraction, others in the shortest form that reads back
    /// to the same double.
    static func numberText(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// How many rows of a sheet the column widths are taken from.
    static let widthSampleRows = 10_000

    /// The width of each column in character units: the widest cell (CJK counting double) of the header and the
    /// first `sampleRows` rows, plus padding, between 6 and 80.
    ///
    /// Only the first rows, because the rest of a sheet is made as it is written: measuring a sheet with a row
    /// per survey row made every row twice, for a width no one sees past the first screens.
    static func columnWidths(_ sheet: some WorksheetSource, sampleRows: Int = widthSampleRows) -> [Int] {
        let count = sheet.columnCount
        var widths = [Int](repeating: 0, count: count)
        // Only the first line counts: Excel shows the rest below it when the row is taller.
        for (column, title) in sheet.header.enumerated() {
            widths[column] = max(widths[column], DisplayWidth.columns(ofFirstLineOf: title))
        }
        for index in 0..<min(sheet.rowCount, max(0, sampleRows)) {
            for (column, cell) in sheet.cells(ofRow: index).enumerated() {
                switch cell {
                case .empty: continue
                case .text(let text): widths[column] = max(widths[column], DisplayWidth.columns(ofFirstLineOf: text))
                case .number(let value): widths[column] = max(widths[column], numberWidth(value))
                }
            }
        }
        return widths.map { min(max($0 + 2, 6), 80) }
    }

    /// The columns a number's text takes (`numberText`, all ASCII), counted without making the text for the
    /// integers a table of counts is made of: a sheet with a case per survey row has millions of them.
    static func numberWidth(_ value: Double) -> Int {
        guard value.isFinite else { return "\(value)".utf8.count }
        guard value == value.rounded(), abs(value) < 1e15 else { return numberText(value).utf8.count }
        var magnitude = Int64(value).magnitude
        var digits = 1
        while magnitude >= 10 {
            magnitude /= 10
            digits += 1
        }
        return value < 0 ? digits + 1 : digits
    }
}
