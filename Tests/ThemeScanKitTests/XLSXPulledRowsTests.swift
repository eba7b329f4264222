import Foundation
import Testing

@testable import ThemeScanKit

/// A worksheet and its shared strings are read node by node, without a tree; what that gives must be what reading
/// the tree gives, for every shape of part, and anything the tree must judge must be left to it.
@Suite struct XLSXPulledRowsTests {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let sharedStrings: XLSXSharedStrings = ["编号", "回答", "孩子压力大", "a & b"]

    /// Cells and other children of a row, each a piece of markup; `@` is replaced by the cell's column letter.
    static let cellPieces = [
        #"<c r="@1" t="s"><v>0</v></c>"#, #"<c r="@1" t="s"><v>3</v></c>"#, #"<c r="@1" t="s"><v>9</v></c>"#,
        #"<c r="@1" t="s"><v> 1 </v></c>"#, #"<c r="@1"><v>2.5</v></c>"#, #"<c t="b"><v>1</v></c>"#,
        #"<c t="b"><v>0</v></c>"#, #"<c r="@1" t="str"><f>A1</f><v>公式</v></c>"#, #"<c r="@1" t="e"><v>#N/A</v></c>"#,
        #"<c r="@1" t="inlineStr"><is><t>孩子</t></is></c>"#,
        #"<c r="@1" t="inlineStr"><is><r><rPr><b/></rPr><t>抑郁</t></r><r><t xml:space="preserve"> 症 </t></r><rPh><t>yi</t></rPh></is></c>"#,
        #"<c t="inlineStr"><is><t><![CDATA[<压力>]]></t></is></c>"#, #"<c t="inlineStr"><v>ignored</v></c>"#,
        #"<c t="inlineStr"/>"#, #"<c r="@1"/>"#, #"<c r="@1"><v/></c>"#, #"<c><v>1</v><v>2</v></c>"#,
        #"<c t="inlineStr"><is><t>first</t></is><is><t>second</t></is></c>"#,
        #"<c><v>a<x>nested</x>b<!-- note -->c<?pi x?></v></c>"#, #"<c><v>&#20320;&amp;&lt;</v></c>"#,
        #"<c r="ZZ9"><v>far</v></c>"#, #"<c r="not-a-reference"><v>odd</v></c>"#, #"<x:c r="@1"><x:v>prefixed</x:v></x:c>"#,
        #"<c x:t="s" r="@1"><v>1</v></c>"#, #"<other><c><v>inside other</v></c></other>"#, "<c>\n  <v>spaced</v>\n</c>",
        "\n  ",
    ]

    /// Sheets made of rows of random pieces, with the row attributes and sheet shapes the tree reading meets.
    static func sheets(count: Int) -> [String] {
        var generator = MatcherPropertyTests.Generator(state: 2024)
        var sheets: [String] = []
        for index in 0..<count {
            var rows = ""
            for rowIndex in 0..<(1 + generator.next(6)) {
                let attributes = [#" r="\#(rowIndex + 1)""#, "", #" r="x""#, #" r="100""#][generator.next(4)]
                var cells = ""
                for cellIndex in 0..<generator.next(6) {
                    let letter = String(UnicodeScalar(UInt8(65 + cellIndex)))
                    cells += cellPieces[generator.next(cellPieces.count)].replacingOccurrences(of: "@", with: letter)
                }
                rows += generator.next(8) == 0 ? "<row\(attributes)/>" : "<row\(attributes)>\(cells)</row>"
                if generator.next(10) == 0 { rows += "<rowBreaks/>" }
            }
            let data = index % 9 == 0 ? "<sheetData/>" : "<sheetData>\(rows)</sheetData>"
            let extra = index % 5 == 0 ? #"<sheetData><row><c><v>second sheetData</v></c></row></sheetData>"# : ""
            let prefix = index % 7 == 0 ? #"<!-- a comment --><?xml-stylesheet href="x"?>"# : ""
            sheets.append(
                #"<?xml version="1.0" encoding="UTF-8"?>\#(prefix)<worksheet xmlns="\#(main)" xmlns:x="\#(main)"><dimension ref="A1"/>\#(data)\#(extra)</worksheet>"#)
        }
        return sheets
    }

    static func treeRows(_ xml: [UInt8]) throws -> (rows: [SpreadsheetRow], badIndexes: [String]) {
        XLSXWorkbook.rows(of: try XMLTree(xml: xml), sharedStrings: sharedStrings)
    }

    @Test func pulledRowsAreTheTreesRows() throws {
        for (index, sheet) in Self.sheets(count: 400).enumerated() {
            let bytes = Array(sheet.utf8)
            let pulled = try #require(XLSXWorkbook.pulledRows(of: bytes, sharedStrings: Self.sharedStrings), "sheet \(index)")
            let tree = try Self.treeRows(bytes)
            #expect(pulled.rows == tree.rows, "sheet \(index): \(sheet)")
            #expect(pulled.badIndexes == tree.badIndexes, "sheet \(index)")
            // Checked without making the text, the sheet reads to its end with the same bad indexes.
            #expect(Self.checkedBadIndexes(bytes) == tree.badIndexes, "sheet \(index)")
        }
    }

    /// The bad shared-string indexes a walk that makes no text finds (`XLSXSheetRowReader.checkToEnd()`); nil when it
    /// leaves the sheet to the tree.
    static func checkedBadIndexes(_ bytes: [UInt8]) -> [String]? {
        try? XMLPullReader.read(bytes) { reader in
            var sheet = XLSXSheetRowReader(reader, sharedStrings: sharedStrings)
            try sheet.checkToEnd()
            return sheet.badIndexes
        } ?? nil
    }

    @Test func pulledSharedStringsAreTheTreesStrings() throws {
        let items = [
            "<si><t>编号</t></si>", #"<si><r><t>抑郁</t></r><r><rPr/><t xml:space="preserve"> 症</t></r><rPh><t>yi</t></rPh></si>"#,
            "<si/>", "<si><t/></si>", "<si><t>a &amp; b</t><t>c</t></si>", "<other><t>not an item</t></other>",
            "<si><t><![CDATA[x<y]]></t></si>", "<si>\n<t>line</t>\n</si>", "<x:si><x:t>prefixed</x:t></x:si>",
        ]
        var generator = MatcherPropertyTests.Generator(state: 7)
        for index in 0..<200 {
            let body = (0..<generator.next(8)).map { _ in items[generator.next(items.count)] }.joined()
            let xml = Array(#"<?xml version="1.0"?><sst xmlns="\#(Self.main)" xmlns:x="\#(Self.main)">\#(body)</sst>"#.utf8)
            let pulled = try #require(XLSXWorkbook.pulledSharedStrings(of: xml), "\(index)")
            let tree = try XMLTree(xml: xml)
            #expect(pulled == XLSXWorkbook.sharedStrings(of: tree))
        }
    }

    @Test func partsTheTreeMustJudgeAreLeftToIt() {
        let doctype = #"<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e "expanded">]><worksheet><sheetData><row><c><v>&e;</v></c></row></sheetData></worksheet>"#
        let broken = #"<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>"#
        let trailing = #"<worksheet><sheetData/></worksheet><worksheet/>"#
        for xml in [doctype, broken, trailing, "", "not xml"] {
            #expect(XLSXWorkbook.pulledRows(of: Array(xml.utf8), sharedStrings: []) == nil, "\(xml)")
            #expect(Self.checkedBadIndexes(Array(xml.utf8)) == nil, "\(xml)")
            #expect(XLSXWorkbook.pulledSharedStrings(of: Array(xml.utf8)) == nil, "\(xml)")
        }
    }

    @Test func aWorkbookWhoseSheetTheTreeMustJudgeIsReadAsATree() throws {
        let rows = #"<row r="1"><c t="inlineStr"><is><t>&e;</t></is></c><c t="s"><v>0</v></c></row>"#
        // An entity the tree expands, which the reader leaves to it: the workbook still reads.
        let declared = try HostileArchiveTests.xlsx(
            rows: rows, strings: ["编号"], prolog: #"<!DOCTYPE worksheet [<!ENTITY e "孩子压力大">]>"#)
        let workbook = try XLSXWorkbook(bytes: declared, path: "declared.xlsx")
        #expect(try workbook.rows(ofSheet: nil).rows.map(\.cells) == [["孩子压力大", "编号"]])
        // A quadratic blowup, which the tree refuses, as it always has.
        let entity = String(repeating: "x", count: 10_000)
        let references = String(repeating: "&e;", count: 10_000)
        let blowup = try HostileArchiveTests.xlsx(
            rows: #"<row r="1"><c t="inlineStr"><is><t>\#(references)</t></is></c></row>"#, strings: [],
            prolog: #"<!DOCTYPE worksheet [<!ENTITY e "\#(entity)">]>"#)
        #expect(throws: IngestionError.self) {
            try XLSXWorkbook(bytes: blowup, path: "blowup.xlsx").rows(ofSheet: nil)
        }
    }

    @Test func workbooksReadAsTheirTreesRead() throws {
        var files = ["tables/wenjuanxing.xlsx", "office/inline.xlsx", "office/bad-shared-string.xlsx", "office/survey.xlsx"]
            .map { TestSupport.fixtures.appendingPathComponent($0) }
        files.append(TestSupport.repository.appendingPathComponent("transcripts/2024/questionnaire-2024-wjx-export.xlsx"))
        // A workbook this project writes, with shared strings and, past their bound, inline strings.
        let sheet = WorkbookSheet(
            name: "answers", header: ["id", "answer"],
            rows: (1...300).map { [.number(Double($0)), .text("孩子压力大 \($0) & <更多>")] })
        let written = try XLSXWorkbookWriter.bytes(names: ["answers"], sharedStringBytes: 4_000) { _ in sheet }
        var workbooks = try files.map { ($0.lastPathComponent, [UInt8](try Data(contentsOf: $0))) }
        workbooks.append(("written.xlsx", written))
        for (name, bytes) in workbooks {
            let archive = try ZipArchiveReader(bytes: bytes, path: name)
            let strings = XLSXSharedStrings(try #require(
                try archive.entryNames.contains("xl/sharedStrings.xml")
                    ? XLSXWorkbook.pulledSharedStrings(of: archive.bytes(of: "xl/sharedStrings.xml")) : [], "\(name)"))
            let sheets = archive.entryNames.filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }
            #expect(!sheets.isEmpty, "\(name)")
            for part in sheets {
                let xml = try archive.bytes(of: part)
                let pulled = try #require(XLSXWorkbook.pulledRows(of: xml, sharedStrings: strings), "\(name) \(part)")
                let tree = XLSXWorkbook.rows(of: try XMLTree(xml: xml), sharedStrings: strings)
                #expect(pulled.rows == tree.rows, "\(name) \(part)")
                #expect(pulled.badIndexes == tree.badIndexes, "\(name) \(part)")
                #expect(!pulled.rows.isEmpty, "\(name) \(part)")
            }
        }
    }
}
