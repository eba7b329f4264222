import Foundation
import Testing

@testable import ThemeScanKit

/// `results.xlsx`: written, then read back with the workbook reader and its parts parsed as XML.
@Suite struct WorkbookWriterTests {
    static let codes = WorkbookSheet(
        name: "codes",
        header: ["code", "label", "occurrences", "share"],
        rows: [
            [.text("depression"), .text("抑郁"), .number(22), .number(0.25)],
            [.text("bullying"), .empty, .number(0), .number(-1.5)],
            [.text("a<&>b\u{1}c"), .text("  padded  "), .number(3), .empty],
        ])
    static let cases = WorkbookSheet(
        name: "case_codes",
        header: ["case", "抑郁"],
        rows: [[.text("P01 学校"), .number(7)], [.text("P02"), .number(12_345_678)]])
    static let notes = WorkbookSheet(name: "notes/2024: [draft]?", header: ["说明"], rows: [[.text("第一行\n第二行")]])

    static var sheets: [WorkbookSheet] { [codes, cases, notes] }

    static func part(_ name: String, of bytes: [UInt8]) throws -> XMLTree {
        let archive = try ZipArchiveReader(bytes: bytes, path: "results.xlsx")
        return try XMLTree(xml: try archive.bytes(of: name))
    }

    /// The XPath string value of `path` (elements in the spreadsheet namespace take the prefix `m`).
    static func string(_ path: String, in tree: XMLTree) throws -> String? {
        let result = try tree.evaluate("string(\(path))", namespaces: ["m": XLSXWorkbookWriter.mainNamespace])
        if case .value(let text) = result { return text }
        return nil
    }

    @Test func readsBackWithTheWorkbookReader() throws {
        let bytes = try XLSXWorkbookWriter.bytes(Self.sheets)
        let workbook = try XLSXWorkbook(bytes: bytes, path: "results.xlsx")
        #expect(workbook.sheetNames == ["codes", "case_codes", "notes_2024_ _draft__"])
        let (codes, warnings) = try workbook.rows(ofSheet: "codes")
        #expect(warnings.isEmpty)
        #expect(codes.map(\.cells) == [
            ["code", "label", "occurrences", "share"],
            ["depression", "抑郁", "22", "0.25"],
            ["bullying", "", "0", "-1.5"],
            // The control character is dropped, the markup characters come back as written, spaces are kept.
            ["a<&>bc", "  padded  ", "3"],
        ])
        #expect(try workbook.rows(ofSheet: "2").rows.map(\.cells) == [
            ["case", "抑郁"], ["P01 学校", "7"], ["P02", "12345678"],
        ])
        #expect(try workbook.rows(ofSheet: "3").rows.map(\.cells) == [["说明"], ["第一行\n第二行"]])
    }

    @Test func numbersAreNumbersAndTextIsShared() throws {
        let bytes = try XLSXWorkbookWriter.bytes(Self.sheets)
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: bytes)
        let namespaces = ["m": XLSXWorkbookWriter.mainNamespace]
        for reference in ["C2", "D2", "C3", "D3", "C4"] {
            let cell = try #require(try sheet.evaluate("//m:c[@r='\(reference)']", namespaces: namespaces).nodes.first)
            #expect(cell.attribute("t") == nil, "\(reference) must be a number cell")
        }
        #expect(try Self.string("//m:c[@r='C2']/m:v", in: sheet) == "22")
        let label = try #require(try sheet.evaluate("//m:c[@r='B2']", namespaces: namespaces).nodes.first)
        #expect(label.attribute("t") == "s")
        // Empty cells are left out rather than written empty.
        #expect(try sheet.evaluate("//m:c[@r='B3']", namespaces: namespaces).nodes.isEmpty)
        // The header row is bold (style 1, whose font is bold).
        let header = try #require(try sheet.evaluate("//m:c[@r='A1']", namespaces: namespaces).nodes.first)
        #expect(header.attribute("s") == "1")
        let styles = try Self.part("xl/styles.xml", of: bytes)
        let boldFonts = try styles.evaluate("//m:fonts/m:font[2]/m:b", namespaces: namespaces).nodes
        #expect(boldFonts.count == 1)
        #expect(try Self.string("//m:cellXfs/m:xf[2]/@fontId", in: styles) == "1")
    }

    /// Every sheet's rows as the workbook reader reads them.
    static func readBack(_ bytes: [UInt8]) throws -> [[[String]]] {
        let workbook = try XLSXWorkbook(bytes: bytes, path: "results.xlsx")
        return try workbook.sheetNames.indices.map { try workbook.rows(ofSheet: String($0 + 1)).rows.map(\.cells) }
    }

    @Test(arguments: [0, 100, 200, 400])
    func textPastAFullSharedStringsPartIsWrittenInItsCell(sharedStringBytes: Int) throws {
        let spaced = WorkbookSheet(
            name: "spaced", header: ["note"],
            rows: [[.text(" lead")], [.text("trail\t")], [.text("a\r\nb")], [.text("x & <y> \"z\" 'w'")], [.number(.nan)]])
        let sheets = Self.sheets + [spaced]
        let bounded = try XLSXWorkbookWriter.bytes(names: sheets.map(\.name), sharedStringBytes: sharedStringBytes) {
            sheets[$0]
        }
        let unbounded = try XLSXWorkbookWriter.bytes(names: sheets.map(\.name), sharedStringBytes: .max) { sheets[$0] }
        #expect(try Self.readBack(bounded) == Self.readBack(unbounded))
        let namespaces = ["m": XLSXWorkbookWriter.mainNamespace]
        var inline = 0
        var sharedCells = 0
        for index in 1...sheets.count {
            let sheet = try Self.part("xl/worksheets/sheet\(index).xml", of: bounded)
            inline += try sheet.evaluate("//m:c[@t='inlineStr']", namespaces: namespaces).nodes.count
            sharedCells += try sheet.evaluate("//m:c[@t='s']", namespaces: namespaces).nodes.count
        }
        let strings = try Self.part("xl/sharedStrings.xml", of: bounded)
        let shared = try strings.evaluate("//m:si", namespaces: namespaces).nodes.map(\.textContent)
        // Strings are shared while the part has room (64 bytes an entry plus the text), in order of first use.
        #expect(shared.reduce(0) { $0 + $1.utf8.count + 64 } <= sharedStringBytes)
        #expect(shared.isEmpty == (sharedStringBytes < 64 + "code".utf8.count))
        #expect(inline > 0)
        #expect(sharedCells > 0 || sharedStringBytes == 0)
    }

    @Test func headerRowIsFrozen() throws {
        let bytes = try XLSXWorkbookWriter.bytes(Self.sheets)
        for index in 1...3 {
            let sheet = try Self.part("xl/worksheets/sheet\(index).xml", of: bytes)
            let panes = try sheet.evaluate(
                "//m:sheetViews/m:sheetView[@workbookViewId='0']/m:pane", namespaces: ["m": XLSXWorkbookWriter.mainNamespace]
            ).nodes
            let pane = try #require(panes.first)
            #expect(pane.attribute("ySplit") == "1")
            #expect(pane.attribute("topLeftCell") == "A2")
            #expect(pane.attribute("activePane") == "bottomLeft")
            #expect(pane.attribute("state") == "frozen")
        }
    }

    @Test func columnWidthsComeFromTheFirstRows() throws {
        let rows: [[WorkbookCell]] = [[.text("ab"), .number(1)], [.text("abcdefghij"), .number(123_456_789)], [.text(String(repeating: "长", count: 20)), .number(-1)]]
        let sheet = WorkbookSheet(name: "w", header: ["id", "n"], rows: rows)
        #expect(XLSXWorkbookWriter.columnWidths(sheet, sampleRows: 0) == [6, 6])
        #expect(XLSXWorkbookWriter.columnWidths(sheet, sampleRows: 2) == [12, 11])
        #expect(XLSXWorkbookWriter.columnWidths(sheet, sampleRows: 3) == [42, 11])
        #expect(XLSXWorkbookWriter.columnWidths(sheet) == XLSXWorkbookWriter.columnWidths(sheet, sampleRows: 3))
    }

    @Test func columnWidthsCountCJKDouble() throws {
        let sheet = WorkbookSheet(name: "w", header: ["id", "心理健康教育", "mental health"], rows: [])
        let widths = XLSXWorkbookWriter.columnWidths(sheet)
        // "id" is padded up to the minimum; six Han characters take twelve columns, thirteen Latin ones thirteen.
        #expect(widths == [6, 14, 15])
        // The fullwidth comma is wide too; the combining acute accent takes no column.
        #expect(DisplayWidth.columns(of: "抑郁ab，") == 8)
        #expect(DisplayWidth.columns(of: "e\u{301}") == 1)
        // The first line as splitting the characters on a line feed gives it: \r\n is one character, not a line feed.
        for text in ["抑郁\n很多", "a\r\nbc\nd", "\n", "", "ab\r", "x\r\n\ny", "末\u{301}\n\r\n"] {
            let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            #expect(DisplayWidth.columns(ofFirstLineOf: text) == DisplayWidth.columns(of: line), "\(text.debugDescription)")
        }
        #expect(DisplayWidth.columns(ofFirstLineOf: "a\r\nbc\nd") == 3)
        // Numbers' widths are their text's, counted without making it.
        for value in [0, 7, -7, 10, 99, 100, -12_345, 999_999_999_999_999, 1e15, -1e15, 1.5, -0.25, 1e-5, .infinity, -.infinity, .nan] {
            let text = value.isFinite ? XLSXWorkbookWriter.numberText(value) : "\(value)"
            #expect(XLSXWorkbookWriter.numberWidth(value) == text.utf8.count, "\(value)")
        }
    }

    /// Counts and row numbers are written digit by digit, and whole numbers read without `Double(_:)`: both as the
    /// standard library would.
    @Test func digitsAndCountsAsTheStandardLibraryHasThem() {
        let values: [Int64] = [0, 7, -7, 10, 99, 100, -12_345, 1_048_576, 999_999_999_999_999, .max, .min + 1]
        for value in values {
            let written = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                var cursor = ByteCursor(buffer)
                cursor.put("x")
                cursor.put(digitsOf: value)
                cursor.put(Array("y".utf8))
                return Array(cursor.written)
            }
            #expect(written == Array("x\(value)y".utf8))
        }
        // Plain numbers read to what `Double(_:)` reads; whole ones are read without it.
        for field in ["0", "7", "-7", "-0", "42", "123456789012345", "-123456789012345", "1.5", "-0.25", "99.125"] {
            let value = WorkbookSheet.number(in: field)
            #expect(value == Double(field), "\(field)")
            #expect(value?.sign == Double(field)?.sign, "\(field)")
        }
        for field in ["", "-", "0042", "+3", "1e3", " 7", "７", "NaN", "1234567890123456", "1.", ".5"] {
            #expect(WorkbookSheet.number(in: field) == nil, "\(field)")
        }
    }

    @Test func sameSheetsGiveTheSameBytes() throws {
        let first = try XLSXWorkbookWriter.bytes(Self.sheets)
        let second = try XLSXWorkbookWriter.bytes(Self.sheets)
        #expect(first == second)
        let other = try XLSXWorkbookWriter.bytes([Self.cases, Self.codes])
        #expect(first != other)
    }

    @Test func writesAFileThatReadsBack() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("results.xlsx").path
        try XLSXWorkbookWriter.write(Self.sheets, to: path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(bytes == (try XLSXWorkbookWriter.bytes(Self.sheets)))
    }

    /// Sheets are made one at a time, in order, as the writer comes to them; each goes into the archive before
    /// the next is made, and the shared strings, which all of them add to, come last.
    @Test func sheetsAreMadeWhenWritten() throws {
        var made: [Int] = []
        let bytes = try XLSXWorkbookWriter.bytes(names: Self.sheets.map(\.name)) { index throws(WorkbookError) in
            made.append(index)
            return Self.sheets[index]
        }
        #expect(made == [0, 1, 2])
        #expect(bytes == (try XLSXWorkbookWriter.bytes(Self.sheets)))
        let entries = try ZipArchiveReader(bytes: bytes, path: "results.xlsx").entryNames
        #expect(Array(entries.suffix(4)) == [
            "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml",
        ])
        let tooLarge = WorkbookSheet(
            name: "wide", header: (0...XLSXWorkbookWriter.maximumColumns).map { "c\($0)" }, rows: [])
        #expect(throws: WorkbookError.sheetTooLarge(sheet: "wide", rows: 1, columns: XLSXWorkbookWriter.maximumColumns + 1)) {
            try XLSXWorkbookWriter.bytes(names: ["codes", "wide"]) { index throws(WorkbookError) in
                index == 0 ? Self.codes : tooLarge
            }
        }
    }

    @Test func noSheetsIsAnError() {
        #expect(throws: WorkbookError.noSheets) { try XLSXWorkbookWriter.bytes([]) }
    }

    @Test func sheetNamesFollowExcelRules() {
        let names = XLSXWorkbookWriter.sheetNames([
            "Codes", "codes", "", "a/b\\c:d*e?f[g]h", String(repeating: "长", count: 40), String(repeating: "长", count: 40),
            "'quoted'", "History",
        ])
        #expect(names == [
            "Codes", "codes (2)", "Sheet3", "a_b_c_d_e_f_g_h", String(repeating: "长", count: 31),
            String(repeating: "长", count: 27) + " (2)", "quoted", "History_",
        ])
        #expect(names.allSatisfy { $0.utf16.count <= 31 })
    }

    @Test func columnLetters() {
        #expect(XLSXWorkbookWriter.columnName(0) == "A")
        #expect(XLSXWorkbookWriter.columnName(25) == "Z")
        #expect(XLSXWorkbookWriter.columnName(26) == "AA")
        #expect(XLSXWorkbookWriter.columnName(16_383) == "XFD")
    }

    @Test func csvTablesGetNumericColumns() {
        let table = CSVTable(
            header: ["case", "code", "occurrences", "jaccard", "phone"],
            rows: [
                ["1", "抑郁", "22", "0.5", "007"],
                ["P02", "焦虑", "", "1", "+86"],
                ["3", "压力", "-4", "0", "123456789012345678"],
            ])
        let sheet = WorkbookSheet(name: "t", table: table)
        #expect(sheet.rows == [
            [.text("1"), .text("抑郁"), .number(22), .number(0.5), .text("007")],
            [.text("P02"), .text("焦虑"), .empty, .number(1), .text("+86")],
            [.text("3"), .text("压力"), .number(-4), .number(0), .text("123456789012345678")],
        ])
        let forced = WorkbookSheet(name: "t", table: CSVTable(header: ["case", "n"], rows: [["1", "2"]]), textColumns: ["case"])
        #expect(forced.rows == [[.text("1"), .number(2)]])
        #expect(WorkbookSheet.number(in: "0") == 0)
        #expect(WorkbookSheet.number(in: "0.125") == 0.125)
        for refused in ["", "-", "05", "+5", "1e3", "1.", ".5", "1,000", "NaN", "inf", "1234567890123456"] {
            #expect(WorkbookSheet.number(in: refused) == nil, "\(refused) must stay text")
        }
    }

    /// A table written as a sheet made a row at a time gives the workbook a sheet of all its cells gives; a table
    /// wider than Excel opens becomes a sheet with a note.
    @Test func tableSheetsMakeTheirCellsRowByRow() throws {
        let table = CSVTable(
            header: ["case", "code", "occurrences"], rows: [["1", "抑郁", "22"], ["P02", "焦虑", ""], ["3", "压力", "-4", "extra"]])
        let lazy = CSVTableSheet(name: "t", table: table, textColumns: ["case"])
        let whole = WorkbookSheet(name: "t", table: table, textColumns: ["case"])
        #expect(lazy.columnCount == 4)
        #expect(lazy.rowCount == 3)
        #expect((0..<3).map(lazy.cells(ofRow:)) == whole.rows)
        let fromLazy = try XLSXWorkbookWriter.bytes(names: ["t"]) { _ throws(WorkbookError) in lazy }
        #expect(fromLazy == (try XLSXWorkbookWriter.bytes([whole])))

        let wide = CSVTable(header: (0...XLSXWorkbookWriter.maximumColumns).map { "c\($0)" })
        let fitted = RunOutputs.fittingExcel(CSVTableSheet(name: "words", table: wide))
        #expect(fitted.header == ["note"])
        #expect(fitted.cells(ofRow: 0) == [.text(
            "This table has 1 rows and 16385 columns, more than Excel opens (1,048,576 rows, 16,384 columns); see words.csv.")])
        #expect(RunOutputs.fittingExcel(lazy).rowCount == 3)
    }
}

/// Rows are written as raw markup: what libxml2 reads back must be every kind of cell, in place, and a row with
/// no cell at all.
@Suite struct WorkbookRowMarkupTests {
    @Test func everyKindOfCellReadsBack() throws {
        let sheet = WorkbookSheet(
            name: "cells", header: ["a", "b", "c"],
            rows: [
                [.number(-1.25), .text("x<&>\"'y"), .number(.infinity)],
                [.empty, .empty, .empty],
                [.empty, .number(1e-5), .text("  ")],
                [],
                [.number(12_345_678_901), .empty, .text("末")],
            ])
        let bytes = try XLSXWorkbookWriter.bytes([sheet])
        let part = try WorkbookWriterTests.part("xl/worksheets/sheet1.xml", of: bytes)
        let namespaces = ["m": XLSXWorkbookWriter.mainNamespace]
        #expect(try part.evaluate("//m:row", namespaces: namespaces).nodes.map { $0.attribute("r") ?? "" } == ["1", "2", "3", "4", "5", "6"])
        #expect(try part.evaluate("//m:row[@r='3']/m:c", namespaces: namespaces).nodes.isEmpty)
        #expect(try part.evaluate("//m:c[@r='A1']/@s", namespaces: namespaces).nodes.count == 1)
        #expect(try WorkbookWriterTests.string("//m:c[@r='B4']/m:v", in: part) == "1e-05")
        let rows = try XLSXWorkbook(bytes: bytes, path: "cells.xlsx").rows(ofSheet: "cells").rows.map(\.cells)
        // The reader leaves out rows without cells.
        #expect(rows == [["a", "b", "c"], ["-1.25", "x<&>\"'y", "inf"], ["", "1e-05", "  "], ["12345678901", "", "末"]])
    }
}
