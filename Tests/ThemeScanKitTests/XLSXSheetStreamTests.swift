import Foundation
import Testing

@testable import ThemeScanKit

/// A workbook's sheet read as its XML inflates (`XLSXSheetStream`) gives the rows and warnings of the whole reading,
/// block by block; a sheet the whole reading must judge (a DTD, broken XML, a bad checksum, past the size limit) is
/// left to it, so its messages stay the same.
@Suite struct XLSXSheetStreamTests {
    /// Every row of the streamed sheet of `bytes` with its warnings; nil when the sheet is left to the whole reading.
    static func streamed(
        _ bytes: [UInt8], options: IngestionOptions = IngestionOptions()
    ) throws -> (rows: [SpreadsheetRow], warnings: [Diagnostic])? {
        guard var stream = try XLSXSheetStream(bytes, format: .xlsx, path: "w.xlsx", options: options) else { return nil }
        var rows: [SpreadsheetRow] = []
        while let block = try stream.nextRows() {
            #expect(!block.isEmpty && block.count <= SheetRows.blockRows)
            rows += block
        }
        return (rows, stream.warnings)
    }

    /// A sheet of `count` rows, inline strings, shared strings and numbers mixed, some rows without text.
    static func rows(_ count: Int, from first: Int = 1) -> String {
        (first..<(first + count)).map { row in
            let text = row % 11 == 0 ? "" : "<c r=\"B\(row)\" t=\"inlineStr\"><is><r><t>孩子 \(row)</t></r><r><t xml:space=\"preserve\"> 抑郁</t></r></is></c>"
            return "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row)</v></c>\(text)<c r=\"D\(row)\" t=\"s\"><v>\(row % 3)</v></c></row>"
        }.joined()
    }

    @Test func sheetsStreamAsTheyReadWhole() throws {
        var workbooks = try ["tables/wenjuanxing.xlsx", "office/inline.xlsx", "office/bad-shared-string.xlsx", "office/survey.xlsx"]
            .map { [UInt8](try Data(contentsOf: TestSupport.fixtures.appendingPathComponent($0))) }
        // More rows than two blocks hold, and a cell pointing past the shared strings.
        workbooks.append(
            try HostileArchiveTests.xlsx(
                rows: Self.rows(2 * SheetRows.blockRows + 5) + #"<row r="9999"><c t="s"><v>7</v></c></row>"#,
                strings: ["问卷", "家长", "老师"]))
        for (position, bytes) in workbooks.enumerated() {
            for sheet in [nil, "2"] {
                let options = IngestionOptions(sheet: sheet)
                let whole = Result { () throws(IngestionError) in
                    try XLSXWorkbook(bytes: bytes, path: "w.xlsx").rows(ofSheet: sheet)
                }
                switch whole {
                case .success(let whole):
                    let streamed = try #require(try Self.streamed(bytes, options: options), "workbook \(position)")
                    #expect(streamed.rows == whole.rows, "workbook \(position), sheet \(sheet ?? "first")")
                    #expect(streamed.warnings == whole.warnings, "workbook \(position)")
                case .failure(let error):
                    #expect(throws: error) { _ = try Self.streamed(bytes, options: options) }
                }
            }
        }
        let large = try #require(try Self.streamed(workbooks.last!))
        #expect(large.rows.count == 2 * SheetRows.blockRows + 5)
        #expect(large.warnings.map(\.message).contains { $0.contains("cell row 9999 points past the shared strings (3 of them)") })
    }

    /// What the tree must judge, and an entry that fails as it inflates, are read whole, with the whole reading's
    /// documents or error.
    @Test func sheetsTheWholeReadingMustJudgeAreLeftToIt() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = Self.rows(300)
        var badChecksum = try HostileArchiveTests.xlsx(rows: rows, strings: ["a", "b", "c"])
        try Self.spoilChecksum(of: "xl/worksheets/sheet1.xml", in: &badChecksum)
        let cases: [(String, [UInt8], IngestionOptions)] = [
            ("doctype.xlsx", try HostileArchiveTests.xlsx(rows: rows, strings: ["a", "b", "c"], prolog: "<!DOCTYPE worksheet>"), IngestionOptions()),
            ("broken.xlsx", try HostileArchiveTests.xlsx(rows: rows + "<row r=\"400\"><c><v>1</v></row>" + Self.rows(5, from: 401), strings: ["a", "b", "c"]), IngestionOptions()),
            ("entity.xlsx", try HostileArchiveTests.xlsx(rows: rows + "<row r=\"400\"><c t=\"inlineStr\"><is><t>&amp;&lt;</t></is></c></row>", strings: ["a", "b", "c"]), IngestionOptions()),
            ("checksum.xlsx", badChecksum, IngestionOptions()),
            ("large.xlsx", try HostileArchiveTests.xlsx(rows: rows, strings: ["a", "b", "c"]), IngestionOptions(maximumEntryBytes: 4096)),
        ]
        for (name, bytes, options) in cases {
            let streamed = Result { try Self.streamed(bytes, options: options) }
            // Predefined entities are no entity references: that sheet streams.
            if name == "entity.xlsx" {
                #expect(try streamed.get()?.rows.last?.cells == ["&<"])
            } else {
                #expect(try streamed.get() == nil, "\(name)")
            }
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            SheetRowsTests.expectBatchesReadAsWhole(url.path, options: options)
        }
        #expect(throws: IngestionError.self) { try DocumentLoader().load(DocumentSource(path: folder.appendingPathComponent("checksum.xlsx").path, id: "c")) }
    }

    /// An entry inflated into buffers of any size gives its bytes whole; past the limit it fails.
    @Test func entriesInflateInPiecesOfAnySize() throws {
        let bytes = try HostileArchiveTests.xlsx(rows: Self.rows(500), strings: [])
        let part = "xl/worksheets/sheet1.xml"
        let archive = try ZipArchiveReader(bytes: bytes, path: "w.xlsx")
        let whole = try archive.bytes(of: part)
        func read(_ stream: ZipEntryStream, piece: Int) -> [UInt8]? {
            var read: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: piece)
            while true {
                guard let count = buffer.withUnsafeMutableBytes({ stream.read(into: $0) }) else { return nil }
                if count == 0 { return read }
                read += buffer[..<count]
            }
        }
        for piece in [1, 7, 4096, 1 << 20] {
            let stream = try #require(ZipEntryStream(archive, entry: part))
            #expect(read(stream, piece: piece) == whole)
            #expect(stream.isFinished)
        }
        let capped = try ZipArchiveReader(bytes: bytes, path: "w.xlsx", maximumEntryBytes: whole.count - 1)
        let stream = try #require(ZipEntryStream(capped, entry: part))
        #expect(read(stream, piece: 4096) == nil && !stream.isFinished)
        #expect(ZipEntryStream(archive, entry: "xl/no-such-part.xml") == nil)
    }

    /// Changes the checksum the central directory (and the local header) give for the entry `name`.
    static func spoilChecksum(of name: String, in bytes: inout [UInt8]) throws {
        let nameBytes = Array(name.utf8)
        for (signature, checksumAt, nameAt) in [([0x50, 0x4B, 0x01, 0x02] as [UInt8], 16, 46), ([0x50, 0x4B, 0x03, 0x04], 14, 30)] {
            let start = try #require(
                (0...(bytes.count - nameAt - nameBytes.count)).first {
                    Array(bytes[$0..<($0 + 4)]) == signature && Array(bytes[($0 + nameAt)..<($0 + nameAt + nameBytes.count)]) == nameBytes
                })
            bytes[start + checksumAt] ^= 0xFF
        }
    }

    /// Shared strings set aside in a file once their text passes the bound read back as those held, in any order,
    /// and give a sheet the same rows; a part the tree must judge is left to the whole reading.
    @Test func sharedStringsSetAsideReadAsHeldOnes() throws {
        let strings = (0..<500).map { "回答 \($0) " + String(repeating: "孩", count: $0 % 7) } + ["", "a &amp; b"]
        // Some cells point past the strings.
        let rows = (1...600).map { #"<row r="\#($0)"><c r="A\#($0)" t="s"><v>\#(($0 * 7) % 510)</v></c></row>"# }.joined()
        let bytes = try HostileArchiveTests.xlsx(rows: rows, strings: strings)
        let archive = try ZipArchiveReader(bytes: bytes, path: "w.xlsx")
        let held = try #require(XLSXSharedStrings.streamed("xl/sharedStrings.xml", in: archive))
        let setAside = try #require(XLSXSharedStrings.streamed("xl/sharedStrings.xml", in: archive, heldBytes: 100))
        #expect(setAside.isSetAside && !held.isSetAside)
        #expect(held.count == strings.count && setAside.count == strings.count)
        #expect(held[3] == "回答 3 孩孩孩" && held[501] == "a & b" && held[500] == "")
        for index in Array(-1...strings.count) + Array((0..<strings.count).reversed()) {
            #expect(setAside[index] == held[index], "\(index)")
        }
        let sheet = try archive.bytes(of: "xl/worksheets/sheet1.xml")
        let fromFile = try #require(XLSXWorkbook.pulledRows(of: sheet, sharedStrings: setAside))
        let fromMemory = try #require(XLSXWorkbook.pulledRows(of: sheet, sharedStrings: held))
        #expect(fromFile.rows == fromMemory.rows && fromFile.badIndexes == fromMemory.badIndexes)
        #expect(!fromFile.badIndexes.isEmpty)
        let broken = try ZipArchiveReader(bytes: try HostileArchiveTests.xlsx(rows: rows, strings: ["<b>"]), path: "b.xlsx")
        #expect(XLSXSharedStrings.streamed("xl/sharedStrings.xml", in: broken) == nil)
    }
}
