import Foundation
import Testing

@testable import ThemeScanKit

/// Inputs the fuzz targets (`Tests/fuzz.sh`) found crashing a reader, each with what it must do now.
@Suite struct FuzzRegressionTests {
    static let fixtures = TestSupport.fixtures.appendingPathComponent("fuzz")

    /// An end record, 22 bytes: entries and directory offset as given, no comment.
    static func endRecord(entries: UInt16, directorySize: UInt32 = 0, directoryOffset: UInt32) -> [UInt8] {
        [0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0]
            + littleEndian(UInt64(entries), bytes: 2) + littleEndian(UInt64(entries), bytes: 2)
            + littleEndian(UInt64(directorySize), bytes: 4) + littleEndian(UInt64(directoryOffset), bytes: 4) + [0, 0]
    }

    static func littleEndian(_ value: UInt64, bytes: Int) -> [UInt8] {
        (0..<bytes).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// fuzz-xlsx: an end record whose directory lies past the end of the file made ZIPFoundation's in-memory
    /// archive form a negative range and trap.
    @Test func directoryPastTheEndIsMalformed() throws {
        let bytes = Self.endRecord(entries: 6, directorySize: 0x187, directoryOffset: 0x4EA)
        #expect(bytes.count == 22)
        do {
            _ = try SpreadsheetReader(format: .xlsx).read(bytes, from: DocumentSource(path: "d.xlsx", id: "d.xlsx"))
            Issue.record("a zip whose directory lies past its end was read")
        } catch {
            guard case .malformed(let location, let reason) = error else { Issue.record("\(error)"); return }
            #expect(location.path == "d.xlsx")
            #expect(reason.contains("central directory is missing or points outside the file"))
        }
    }

    /// fuzz-docx: an archive ZIPFoundation could not open leaked its in-memory `FILE` (LeakSanitizer); one whose
    /// local header offset is past the end made it trap. Both are refused before any entry is read.
    @Test func localHeaderPastTheEndIsMalformed() throws {
        // One central record (46 bytes + name) whose local header offset is far past the end.
        let name = Array("word/document.xml".utf8)
        var central: [UInt8] = [0x50, 0x4B, 0x01, 0x02] + [UInt8](repeating: 0, count: 42)
        central[28] = UInt8(name.count)
        central.replaceSubrange(42..<46, with: Self.littleEndian(0x7FFF_0000, bytes: 4))
        let bytes = central + name + Self.endRecord(entries: 1, directorySize: UInt32(46 + name.count), directoryOffset: 0)
        #expect(throws: IngestionError.self) { try ZipArchiveReader(bytes: bytes, path: "l.docx") }
        // No end record at all.
        let headerOnly: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0x41, count: 60)
        do {
            _ = try DOCXReader().read(headerOnly, from: DocumentSource(path: "h.docx", id: "h.docx"))
            Issue.record("a zip without an end record was read")
        } catch {
            #expect(error.message.contains("not a readable zip archive"))
        }
    }

    /// A zip64 end record whose directory offset is over 2^63 would trap ZIPFoundation converting it to `off_t`.
    @Test func zip64OffsetBeyondIntIsMalformed() throws {
        var record: [UInt8] = [0x50, 0x4B, 0x06, 0x06] + [UInt8](repeating: 0, count: 52)
        record.replaceSubrange(32..<40, with: Self.littleEndian(1, bytes: 8))
        record.replaceSubrange(48..<56, with: Self.littleEndian(0xFFFF_FFFF_FFFF_FFF0, bytes: 8))
        let locator: [UInt8] = [0x50, 0x4B, 0x06, 0x07, 0, 0, 0, 0] + Self.littleEndian(0, bytes: 8) + [1, 0, 0, 0]
        let bytes = record + locator + Self.endRecord(entries: 0xFFFF, directoryOffset: 0xFFFF_FFFF)
        #expect(throws: IngestionError.self) { try ZipArchiveReader(bytes: bytes, path: "z.xlsx") }
    }

    /// fuzz-docx: a deflated entry whose stream runs past its last compressed byte made zlib read past the
    /// chunk ZIPFoundation handed it (ASan: SEGV in inflate), since it declares every chunk full-size.
    @Test func deflateStreamPastAShortChunkIsMalformed() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("docx-deflate-short-chunk.docx")))
        do {
            let result = try DOCXReader().read(bytes, from: DocumentSource(path: "s.docx", id: "s.docx"))
            Issue.record("a corrupt entry was read: \(result.documents.map(\.text))")
        } catch {
            guard case .malformed(let location, let reason) = error else { Issue.record("\(error)"); return }
            #expect(location.path == "s.docx")
            #expect(reason.contains("word/document.xml"))
        }
    }

    /// fuzz-xml: under an encoding declaration libxml2 takes but cannot convert with (`UTF8-`), bytes its converter
    /// refuses made the tree parser stop, while its reader reported them on the generic error channel only and read
    /// on: a sheet or shared-strings part read node by node gave rows the tree reading refuses. Any error reported
    /// now leaves the part to the tree.
    @Test func bytesTheConverterRefusesLeaveAPartToTheTree() {
        let sheet = Array(#"<?xml version="1.0" encoding="UTF8-"?><worksheet "#.utf8) + [0xFF, 0xFF]
            + Array(#"lns="x"><sheetData><row r="1"><c t="s"><v>0</v></c></row></sheetData></worksheet>"#.utf8)
        #expect(throws: MarkupError.self) { try XMLTree(xml: sheet) }
        #expect(XLSXWorkbook.pulledRows(of: sheet, sharedStrings: ["0"]) == nil)
        let strings = Array(#"<?xml version="1.0" encoding="UTF8-"?><sst "#.utf8) + [0xFF, 0xFF]
            + Array(#"lns="x"><si><t>a</t></si></sst>"#.utf8)
        #expect(throws: MarkupError.self) { try XMLTree(xml: strings) }
        #expect(XLSXWorkbook.pulledSharedStrings(of: strings) == nil)
    }
}
