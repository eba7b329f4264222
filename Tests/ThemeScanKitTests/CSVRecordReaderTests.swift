import Foundation
import Testing

@testable import ThemeScanKit

/// Records are copied whole, line feeds inside quotes included, whatever the blocks the file is read in.
@Suite struct CSVRecordReaderTests {
    static let records = [
        "a,b,c\r\n", "1,\"two\nlines\",3\r\n", "\"say \"\"hi\"\"\",x,\"\"\r\n", "\"\n\n\",\"\"\"\n\"\"\"\r\n", "plain\n",
        "抑郁,\"个案\n管理\",焦虑\r\n",
    ]

    @Test(arguments: [1, 2, 3, 7, 64, 1 << 20])
    func recordsAreCopiedWholeWhateverTheBlocks(blockSize: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.csv").path
        try Data(Self.records.joined().utf8).write(to: URL(fileURLWithPath: path))
        var reader = try CSVRecordReader(path: path, blockSize: blockSize)
        var first: [UInt8] = []
        #expect(try reader.copyRecords(1, to: &first))
        #expect(String(decoding: first, as: UTF8.self) == Self.records[0])
        var next: [UInt8] = []
        #expect(try reader.copyRecords(3, to: &next))
        #expect(String(decoding: next, as: UTF8.self) == Self.records[1...3].joined())
        #expect(try !reader.isFinished())
        var rest: [UInt8] = []
        #expect(try reader.copyRecords(2, to: &rest))
        #expect(String(decoding: rest, as: UTF8.self) == Self.records[4...].joined())
        #expect(try reader.isFinished())
        var none: [UInt8] = []
        #expect(try !reader.copyRecords(1, to: &none))
        #expect(none.isEmpty)
    }

    /// No file stays open between blocks, so a file replaced since the last block is refused rather than read on
    /// from another file's offset.
    @Test func aFileReplacedBetweenBlocksIsRefused() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("rows.csv").path
        try Data(Self.records.joined().utf8).write(to: URL(fileURLWithPath: path))
        var reader = try CSVRecordReader(path: path, blockSize: 8)
        var first: [UInt8] = []
        #expect(try reader.copyRecords(1, to: &first))
        let replacement = folder.appendingPathComponent("new.csv").path
        try Data(Self.records.joined().utf8).write(to: URL(fileURLWithPath: replacement))
        #expect(rename(replacement, path) == 0)
        var rest: [UInt8] = []
        #expect(throws: MergeError.changedWhileMerging(file: path)) {
            try reader.copyRecords(1, to: &rest)
        }
        // Running the shard again would not help: the advice is to merge again.
        #expect(
            MergeError.changedWhileMerging(file: path).description
                == "\(path) was replaced while it was being merged: merge again once nothing writes to the shards' folders")
    }

    /// A named pipe in a file's place is refused when the reader is made, without waiting for a writer.
    @Test func aNamedPipeIsRefused() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("matches.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: MergeError.unreadable(folder: path, reason: "it is a named pipe, not a regular file")) {
            try CSVRecordReader(path: path)
        }
    }
}
