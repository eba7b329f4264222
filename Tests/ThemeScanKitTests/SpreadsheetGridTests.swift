import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct SpreadsheetGridTests {
    static func office(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: TestSupport.fixtures.appendingPathComponent("office/\(name)")))
    }

    static func rows(_ bytes: [UInt8], _ format: DocumentFormat, sheet: String? = nil) throws -> (rows: [SpreadsheetRow], warnings: [Diagnostic]) {
        var options = IngestionOptions()
        options.sheet = sheet
        return try SpreadsheetGridReader.rows(in: bytes, format: format, path: "t.\(format.rawValue)", options: options)
    }

    @Test func sharedStringsRichTextNumbersBooleansFormulas() throws {
        let workbook = try XLSXWorkbook(bytes: try Self.office("survey.xlsx"), path: "survey.xlsx")
        #expect(workbook.sheetNames == ["问卷", "Notes"])
        let (rows, warnings) = try workbook.rows(ofSheet: nil)
        #expect(warnings.isEmpty)
        #expect(rows.map(\.number) == [1, 2, 4])
        #expect(rows.map(\.cells) == [
            ["编号", "项目", "", "回答"],
            // Rich-text runs joined; the phonetic guide of 学校 left out.
            ["1", "学校", "", "抑郁症 很常见"],
            ["2.5", "TRUE", "5", "压力"],
        ])
    }

    @Test func sheetByNameOrNumber() throws {
        let bytes = try Self.office("survey.xlsx")
        #expect(try Self.rows(bytes, .xlsx, sheet: "Notes").rows.map(\.cells) == [["第二页"]])
        #expect(try Self.rows(bytes, .xlsx, sheet: "2").rows.map(\.cells) == [["第二页"]])
        #expect(try Self.rows(bytes, .xlsx, sheet: "问卷").rows.count == 3)
    }

    @Test func unknownSheetListsTheSheets() throws {
        do {
            _ = try Self.rows(try Self.office("survey.xlsx"), .xlsx, sheet: "Answers")
            Issue.record("an unknown sheet was read")
        } catch let error as IngestionError {
            #expect(error.message.contains("no sheet \"Answers\""))
            #expect(error.message.contains("1 \"问卷\", 2 \"Notes\""))
        }
    }

    @Test func inlineStringsAndRowsWithoutReferences() throws {
        let (rows, _) = try Self.rows(try Self.office("inline.xlsx"), .xlsx)
        #expect(rows.map(\.cells) == [["case", "text"], ["P01", "孩子压力大"], ["P02", "no r attributes"]])
        #expect(rows.map(\.number) == [1, 2, 3])
    }

    @Test func sharedStringIndexOutOfRangeWarns() throws {
        let (rows, warnings) = try Self.rows(try Self.office("bad-shared-string.xlsx"), .xlsx)
        #expect(rows.map(\.cells) == [["ok"]])
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.message.contains("B1") == true)
    }

    @Test func cellReferences() {
        #expect(CellReference("C5")?.column == 2)
        #expect(CellReference("C5")?.row == 5)
        #expect(CellReference("AA10")?.column == 26)
        #expect(CellReference("XFD1")?.column == 16383)
        #expect(CellReference("5") == nil)
    }

    @Test func htmlTableXLS() throws {
        let html = """
            <html><head><meta charset="utf-8"></head><body>
            <table border="1">
            <thead><tr><th>序号</th><th colspan="2">回答</th><th>备注</th></tr></thead>
            <tbody>
            <tr><td rowspan="2">1</td><td>学校</td><td>压力&amp;焦虑</td><td>无</td></tr>
            <tr><td>家庭</td><td>抑郁</td><td>有</td></tr>
            <tr></tr>
            <tr><td>3</td><td><table><tr><td>inner</td></tr></table></td></tr>
            </tbody></table>
            <table><tr><td>second table</td></tr></table>
            </body></html>
            """
        let (rows, _) = try Self.rows(Array(html.utf8), .xls)
        #expect(rows.map(\.cells) == [
            ["序号", "回答", "", "备注"],
            ["1", "学校", "压力&焦虑", "无"],
            ["", "家庭", "抑郁", "有"],
            ["3", "inner"],
        ])
        #expect(rows.map(\.number) == [1, 2, 3, 5])
        #expect(rows.first?.line == 3)
    }

    @Test func spreadsheetMLXLS() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?mso-application progid="Excel.Sheet"?>
            <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
             <Worksheet ss:Name="答卷">
              <Table>
               <Row><Cell><Data ss:Type="String">编号</Data></Cell><Cell ss:Index="3"><Data ss:Type="String">回答</Data></Cell></Row>
               <Row ss:Index="3"><Cell ss:MergeAcross="1"><Data ss:Type="Number">7</Data></Cell><Cell><Data ss:Type="String">孩子焦虑</Data></Cell></Row>
              </Table>
             </Worksheet>
             <Worksheet ss:Name="Other"><Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table></Worksheet>
            </Workbook>
            """
        let (rows, _) = try Self.rows(Array(xml.utf8), .xls)
        #expect(rows.map(\.cells) == [["编号", "", "回答"], ["7", "", "孩子焦虑"]])
        #expect(rows.map(\.number) == [1, 3])
        #expect(try Self.rows(Array(xml.utf8), .xls, sheet: "Other").rows.map(\.cells) == [["x"]])
    }

    @Test func binaryXLSIsUnsupportedWithAdvice() throws {
        let ole = OLECompoundFile.magic + [UInt8](repeating: 0, count: 504)
        do {
            _ = try Self.rows(ole, .xls)
            Issue.record("a binary .xls was read")
        } catch let error as IngestionError {
            guard case .unsupportedFormat(_, let advice) = error else { Issue.record("\(error)"); return }
            #expect(advice.contains("binary Excel workbook"))
            #expect(advice.contains("save it as .xlsx or CSV"))
        }
    }

    @Test func xlsxRenamedXLSIsRead() throws {
        let (rows, _) = try Self.rows(try Self.office("inline.xlsx"), .xls)
        #expect(rows.count == 3)
    }

    @Test func xlsWithoutTableIsMalformed() throws {
        #expect(throws: IngestionError.self) { try Self.rows(Array("just text, no table".utf8), .xls) }
    }

    @Test func loaderTurnsSpreadsheetRowsIntoDocuments() throws {
        let path = TestSupport.fixtures.appendingPathComponent("office/inline.xlsx").path
        let result = try DocumentLoader(options: IngestionOptions(textColumns: ["text"], caseColumn: "case"))
            .load(DocumentSource(path: path, id: "inline.xlsx"))
        #expect(result.documents.map(\.id) == ["inline.xlsx#row-2", "inline.xlsx#row-3"])
        #expect(result.documents.map(\.caseID) == ["P01", "P02"])
    }
}
