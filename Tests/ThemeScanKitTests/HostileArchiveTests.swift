import Foundation
import Testing
import ZIPFoundation

@testable import ThemeScanKit

/// Hostile zip containers (DOCX, XLSX) run through the binary next to a good transcript, under the hang bound
/// and a stated peak memory.
@Suite struct HostileArchiveTests {
    static let spreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// A minimal XLSX: one sheet "S" with `sheetData` rows, after `prolog` (a DOCTYPE, say), and shared strings
    /// `strings`.
    static func xlsx(rows: String, strings: [String], prolog: String = "") throws -> [UInt8] {
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        return try ZipTests.archive(
            [
                ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
                (
                    "_rels/.rels",
                    #"<?xml version="1.0"?><Relationships xmlns="\#(package)"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
                ),
                (
                    "xl/workbook.xml",
                    #"<?xml version="1.0"?><workbook xmlns="\#(spreadsheetNamespace)" xmlns:r="\#(relationships)"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                ),
                (
                    "xl/_rels/workbook.xml.rels",
                    #"<?xml version="1.0"?><Relationships xmlns="\#(package)"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(relationships)/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
                ),
                (
                    "xl/worksheets/sheet1.xml",
                    #"<?xml version="1.0"?>\#(prolog)<worksheet xmlns="\#(spreadsheetNamespace)"><sheetData>\#(rows)</sheetData></worksheet>"#
                ),
                (
                    "xl/sharedStrings.xml",
                    #"<?xml version="1.0"?><sst xmlns="\#(spreadsheetNamespace)">"# + strings.map { "<si><t>\($0)</t></si>" }.joined()
                        + "</sst>"
                ),
            ].map { (name: $0.0, bytes: Array($0.1.utf8)) })
    }

    /// Rewrites the uncompressed size an archive's local and central headers declare for its first entry.
    static func declare(size: UInt32, in bytes: inout [UInt8]) {
        func put(_ value: UInt32, at offset: Int) {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index))) }
        }
        put(size, at: 22)
        let central: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        if let start = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<($0 + 4)]) == central }) {
            put(size, at: start + 24)
        }
    }

    /// A deflated archive whose first entry's `size` bytes are produced in chunks, never held whole, followed by
    /// the small entries `others`.
    static func streamedArchive(
        entry: String, prefix: String, filler: UInt8, size: Int, suffix: String, others: [(name: String, bytes: [UInt8])] = []
    ) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let head = Array(prefix.utf8)
        let tail = Array(suffix.utf8)
        let total = head.count + size + tail.count
        try archive.addEntry(with: entry, type: .file, uncompressedSize: Int64(total), compressionMethod: .deflate) {
            position, chunk in
            let end = min(Int(position) + chunk, total)
            var data = Data(capacity: max(0, end - Int(position)))
            var offset = Int(position)
            while offset < end {
                if offset < head.count {
                    let stop = min(end, head.count)
                    data.append(contentsOf: head[offset..<stop])
                    offset = stop
                } else if offset < head.count + size {
                    let stop = min(end, head.count + size)
                    data.append(Data(repeating: filler, count: stop - offset))
                    offset = stop
                } else {
                    data.append(contentsOf: tail[(offset - head.count - size)..<(end - head.count - size)])
                    offset = end
                }
            }
            return data
        }
        for (name, bytes) in others {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) {
                position, chunk in Data(bytes[Int(position)..<min(Int(position) + chunk, bytes.count)])
            }
        }
        return [UInt8](try #require(archive.data))
    }

    /// A zip bomb: a DOCX's `word/document.xml` and an XLSX's sheet each declare 1,000 bytes but inflate to 64 MiB,
    /// past the 4 MiB cap. Each stops at the cap, naming the entry. Bound: 192 MiB (the inflated bytes are never all
    /// held).
    @Test func zipBombStopsAtTheCap() throws {
        let workspace = try HostileWorkspace()
        let size = 64 << 20
        var docx = try Self.streamedArchive(
            entry: "word/document.xml", prefix: HostileMarkupTests.wordDocument("").components(separatedBy: "</w:t>")[0],
            filler: UInt8(ascii: "a"), size: size, suffix: "</w:t></w:r></w:p></w:body></w:document>")
        #expect(docx.count < 1 << 20, "the bomb must be small on disk")
        Self.declare(size: 1000, in: &docx)
        try workspace.write("bomb.docx", docx)
        // The same for a worksheet: its parts come from a real minimal workbook, the sheet swapped for the bomb.
        let parts = try ZipArchiveReader(bytes: try Self.xlsx(rows: "", strings: []), path: "model.xlsx")
        let others = try parts.entryNames.filter { $0 != "xl/worksheets/sheet1.xml" }.map { (name: $0, bytes: try parts.bytes(of: $0)) }
        var xlsx = try Self.streamedArchive(
            entry: "xl/worksheets/sheet1.xml",
            prefix: #"<?xml version="1.0"?><worksheet xmlns="\#(Self.spreadsheetNamespace)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"#,
            filler: UInt8(ascii: "a"), size: size, suffix: "</t></is></c></row></sheetData></worksheet>", others: others)
        Self.declare(size: 1000, in: &xlsx)
        try workspace.write("bomb.xlsx", xlsx)
        let outcome = try workspace.analyze(["bomb.docx", "bomb.xlsx"], ["--max-entry-size", "4"])
        try workspace.expectHandled(outcome, hostile: "bomb.docx", peakMiB: 192)
        #expect(
            outcome.lines.contains(
                "bomb.docx: error: zip entry word/document.xml inflates to more than 4194304 bytes, the limit for one "
                    + "entry; it may be a zip bomb, or raise the limit if the file is genuine; skipped"))
        #expect(
            outcome.lines.contains(
                "bomb.xlsx: error: zip entry xl/worksheets/sheet1.xml inflates to more than 4194304 bytes, the limit for "
                    + "one entry; it may be a zip bomb, or raise the limit if the file is genuine; skipped"), "\(outcome.standardError)")
        #expect(outcome.lines.contains("themescan: skipped: bomb.docx, bomb.xlsx"))
    }

    /// Entries named `../…` or with an absolute path are never written anywhere: the document is read from
    /// `word/document.xml` and the other entries are only names in the archive. Bound: 256 MiB.
    @Test func dotDotEntriesWriteNothing() throws {
        let workspace = try HostileWorkspace()
        let escapeName = "escape-\(UUID().uuidString).txt"
        let absolute = FileManager.default.temporaryDirectory.appendingPathComponent(escapeName).path
        try workspace.write(
            "dotdot.docx",
            try ZipTests.archive([
                ("word/document.xml", Array(HostileMarkupTests.wordDocument("欺凌 in the body").utf8)),
                ("../../\(escapeName)", Array("EVIL".utf8)),
                ("word/../../\(escapeName)", Array("EVIL".utf8)),
                (absolute, Array("EVIL".utf8)),
            ]))
        let outcome = try workspace.analyze(["dotdot.docx"])
        try workspace.expectHandled(outcome, hostile: nil, peakMiB: 256)
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(1)))
        var places = [workspace.folder, FileManager.default.temporaryDirectory, URL(fileURLWithPath: "/")]
        var parent = workspace.folder
        for _ in 0..<3 {
            parent = parent.deletingLastPathComponent()
            places.append(parent)
        }
        for place in places {
            #expect(!FileManager.default.fileExists(atPath: place.appendingPathComponent(escapeName).path))
        }
        #expect(!(try workspace.outputContains("EVIL")))
    }

    /// A DOCX and an XLSX cut in half are refused as truncated or corrupt zip archives. Bound: 256 MiB.
    @Test func truncatedArchivesAreRefused() throws {
        let workspace = try HostileWorkspace()
        let docx = try HostileMarkupTests.docx(HostileMarkupTests.wordDocument(String(repeating: "抑郁 ", count: 2000)))
        try workspace.write("cut.docx", Array(docx.prefix(docx.count / 2)))
        let xlsx = try Self.xlsx(rows: #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, strings: ["answer"])
        try workspace.write("cut.xlsx", Array(xlsx.prefix(xlsx.count - 30)))
        let outcome = try workspace.analyze(["cut.docx", "cut.xlsx"])
        try workspace.expectHandled(outcome, hostile: "cut.docx", peakMiB: 256)
        for name in ["cut.docx", "cut.xlsx"] {
            #expect(
                outcome.lines.contains {
                    $0.hasPrefix("\(name): error: not a readable zip archive (")
                        && $0.hasSuffix("); the file may be truncated or corrupt: copy it again; skipped")
                }, "\(outcome.standardError)")
        }
    }

    /// An encrypted Office file is an OLE compound file; renamed `.docx` or `.xlsx` it is skipped with advice.
    @Test func oleContainerRenamedIsRefusedWithAdvice() throws {
        let workspace = try HostileWorkspace()
        var junk: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        var state: UInt32 = 12345
        for _ in 0..<4096 {
            state = state &* 1_103_515_245 &+ 12345
            junk.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        try workspace.write("locked.docx", junk)
        try workspace.write("locked.xlsx", junk)
        let outcome = try workspace.analyze(["locked.docx", "locked.xlsx"])
        try workspace.expectHandled(outcome, hostile: "locked.docx", peakMiB: 256)
        #expect(
            outcome.lines.contains(
                "locked.docx: error: a legacy Word file (.doc) or an Office file protected with a password; open it in "
                    + "Word or WPS and save it as .docx without a password; skipped"))
        #expect(outcome.lines.contains { $0.hasPrefix("locked.xlsx: error: ") && $0.contains("password") })
    }

    /// A zip without `word/document.xml` named `.docx` is refused, naming the missing entry.
    @Test func missingDocumentPartIsNamed() throws {
        let workspace = try HostileWorkspace()
        try workspace.write("nodoc.docx", try ZipTests.archive([("word/other.xml", Array("<a/>".utf8))]))
        let outcome = try workspace.analyze(["nodoc.docx"])
        try workspace.expectHandled(outcome, hostile: "nodoc.docx", peakMiB: 256)
        #expect(
            outcome.lines.contains(
                "nodoc.docx: error: the zip archive has no entry word/document.xml, so it is not a Word document; save "
                    + "it as .docx from Word; skipped"))
    }

    /// Shared-string indices past the end, negative, non-numeric or overflowing leave their cells empty with one
    /// warning naming the cells; the row with a valid index is read.
    @Test func sharedStringsOutOfRangeAreNamed() throws {
        let workspace = try HostileWorkspace()
        let cells = ["0", "1", "99", "-1", "abc", "99999999999999999999999"].enumerated().map { index, value in
            #"<row r="\#(index + 1)"><c r="A\#(index + 1)" t="s"><v>\#(value)</v></c></row>"#
        }
        try workspace.write(
            "sst.xlsx", try Self.xlsx(rows: cells.joined(), strings: ["answer", "孩子有欺凌的情况比较多，需要关注"]))
        let outcome = try workspace.analyze(["sst.xlsx"])
        try workspace.expectHandled(outcome, hostile: "sst.xlsx", peakMiB: 256)
        #expect(
            outcome.lines.contains(
                "sst.xlsx: warning: sheet \"S\": cell A3, A4, A5 and 1 more points past the shared strings (2 of them); "
                    + "left empty. The workbook may be damaged: re-save it in Excel"))
        #expect(try workspace.output("documents.csv").contains("\nsst.xlsx#row-2,"))
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(1)))
    }
}
