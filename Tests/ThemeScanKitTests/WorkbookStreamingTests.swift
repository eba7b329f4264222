import Foundation
import Testing

@testable import ThemeScanKit

/// A worksheet's XML is compressed into the workbook as it is written, a piece at a time: however small the pieces,
/// the workbook is the same bytes.
@Suite struct WorkbookStreamingTests {
    /// A sheet of a row per case, long enough for several drains.
    static func sheet(rows: Int = 3 * XLSXWorkbookWriter.rowsBetweenCalls + 7) -> CSVTableSheet {
        let table = GeneratedCSVTable(
            header: ["case", "depression", "bullying"], rowCount: rows, numberColumns: [false, true, true]
        ) { index in ["P\(index)", String(index % 7), String(index % 3)] }
        return CSVTableSheet(name: "case_codes", table: table, textColumns: CSVTable.textHeaders)
    }

    @Test func drainedSheetsMakeTheSameWorkbook() throws {
        let sheets: [any WorksheetSource] = [Self.sheet(), Self.sheet(rows: 2)]
        let whole = try XLSXWorkbookWriter.bytes(names: ["a", "b"], drainBytes: .max) { sheets[$0] }
        let drained = try XLSXWorkbookWriter.bytes(names: ["a", "b"], drainBytes: 1) { sheets[$0] }
        #expect(drained == whole)
        let rows = try XLSXWorkbook(bytes: drained, path: "t.xlsx").rows(ofSheet: "a").rows.map(\.cells)
        #expect(rows.count == 3 * XLSXWorkbookWriter.rowsBetweenCalls + 8)
        #expect(rows.last == ["P3078", "5", "0"])
    }

    /// A file that cannot take the workbook fails it as an output error, as it came, whatever the archive did
    /// around it; the run reports it against the output folder and `results.xlsx`.
    @Test func aFailedWriteIsAnOutputError() {
        let sheet = Self.sheet()
        let failure = OutputError.writeFailed(path: "out", reason: "writing results.xlsx: No space left on device")
        var pieces = 0
        #expect(throws: WorkbookError.output(failure)) {
            try XLSXWorkbookWriter.write(names: ["a"], to: { _ throws(OutputError) in
                pieces += 1
                throw failure
            }) { _ in sheet }
        }
        #expect(pieces == 1)
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
