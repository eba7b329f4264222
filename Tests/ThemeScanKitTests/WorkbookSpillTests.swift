import Foundation
import Testing

@testable import ThemeScanKit

/// A worksheet whose XML outgrows the spill threshold is set aside in a temporary file as it is written and
/// compressed from there: the workbook is the same bytes, and the file is gone afterwards.
@Suite struct WorkbookSpillTests {
    /// A sheet of a row per case, long enough for several drains.
    static func sheet(rows: Int = 3 * XLSXWorkbookWriter.rowsBetweenCalls + 7) -> CSVTableSheet {
        let table = GeneratedCSVTable(
            header: ["case", "depression", "bullying"], rowCount: rows, numberColumns: [false, true, true]
        ) { index in ["P\(index)", String(index % 7), String(index % 3)] }
        return CSVTableSheet(name: "case_codes", table: table, textColumns: CSVTable.textHeaders)
    }

    @Test func spilledSheetsMakeTheSameWorkbook() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheets: [any WorksheetSource] = [Self.sheet(), Self.sheet(rows: 2)]
        let held = try XLSXWorkbookWriter.bytes(names: ["a", "b"], spillFolder: folder.path) { sheets[$0] }
        let spilled = try XLSXWorkbookWriter.bytes(names: ["a", "b"], spillFolder: folder.path, spillBytes: 1) {
            sheets[$0]
        }
        #expect(spilled == held)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let rows = try XLSXWorkbook(bytes: spilled, path: "t.xlsx").rows(ofSheet: "a").rows.map(\.cells)
        #expect(rows.count == 3 * XLSXWorkbookWriter.rowsBetweenCalls + 8)
        #expect(rows.last == ["P3078", "5", "0"])
    }

    /// Only a sheet past the threshold goes through the folder: a folder that cannot take it fails that workbook
    /// alone, naming the file.
    @Test func onlySheetsPastTheThresholdGoThroughTheFolder() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-folder-\(UUID())").path
        let sheet = Self.sheet()
        _ = try XLSXWorkbookWriter.bytes(names: ["a"], spillFolder: missing) { _ in sheet }
        #expect {
            _ = try XLSXWorkbookWriter.bytes(names: ["a"], spillFolder: missing, spillBytes: 4096) { _ in sheet }
        } throws: { error in
            guard case .output(.writeFailed(let path, _)) = error as? WorkbookError else { return false }
            return path.hasPrefix(missing + "/.themescan-sheet-")
        }
    }

    @Test func drainedPiecesAndTheRestMakeTheDocument() throws {
        func write(_ writer: XMLWriter, draining: Bool) throws -> [UInt8] {
            var pieces: [UInt8] = []
            writer.startElement("rows")
            for index in 0..<5 {
                writer.element("row", text: "第\(index)行 & more")
                if draining { writer.drain { pieces += $0 } }
            }
            #expect(draining ? writer.bufferedByteCount == 0 : writer.bufferedByteCount > 0)
            return pieces + (try writer.finish())
        }
        let whole = try write(try XMLWriter(indent: false), draining: false)
        #expect(try write(try XMLWriter(indent: false), draining: true) == whole)
        #expect(String(decoding: whole, as: UTF8.self).hasSuffix("<row>第4行 &amp; more</row></rows>\n"))
    }
}
