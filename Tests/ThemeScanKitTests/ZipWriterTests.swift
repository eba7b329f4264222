import Foundation
import Testing
import ZIPFoundation

@testable import ThemeScanKit

/// The zip archives ThemeScan writes (`ZipEntrySink`) read back byte for byte, through ThemeScan's own reader and
/// through ZIPFoundation, which checks every entry's CRC-32; zip64 fields are tried with a lowered limit.
@Suite struct ZipWriterTests {
    /// Entries of every kind the writer meets: empty, tiny, incompressible and larger than its output buffer,
    /// very compressible, a name in Chinese.
    static let entries: [QDAArchiveEntry] = {
        var seeded = UInt64(2024)
        let noise = (0..<300_000).map { _ -> UInt8 in
            seeded = seeded &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: seeded >> 33)
        }
        return [
            QDAArchiveEntry(path: "empty.txt", bytes: []),
            QDAArchiveEntry(path: "a.txt", bytes: Array("alpha".utf8)),
            QDAArchiveEntry(path: "noise.bin", bytes: noise),
            QDAArchiveEntry(path: "xl/worksheets/sheet1.xml", bytes: Array(String(repeating: "<c><v>0</v></c>", count: 70_000).utf8)),
            QDAArchiveEntry(path: "sources/访谈记录.txt", bytes: Array("个案管理与抑郁症".utf8)),
        ]
    }()

    /// Every entry of `archive` as ZIPFoundation extracts it, checksums verified.
    static func extracted(_ archive: [UInt8]) throws -> [String: [UInt8]] {
        let reader = try Archive(data: Data(archive), accessMode: .read)
        var contents: [String: [UInt8]] = [:]
        for entry in reader {
            var bytes: [UInt8] = []
            _ = try reader.extract(entry, skipCRC32: false) { bytes += $0 }
            contents[entry.path] = bytes
        }
        return contents
    }

    static func expectReadsBack(_ archive: [UInt8], _ entries: [QDAArchiveEntry]) throws {
        let ours = try ZipArchiveReader(bytes: archive, path: "t.zip")
        #expect(ours.entryNames == entries.map(\.path))
        let theirs = try extracted(archive)
        for entry in entries {
            #expect(try ours.bytes(of: entry.path) == entry.bytes, "\(entry.path)")
            #expect(theirs[entry.path] == entry.bytes, "\(entry.path)")
        }
    }

    @Test func entriesReadBack() throws {
        let archive = try ZipArchiveWriter.bytes(Self.entries)
        try Self.expectReadsBack(archive, Self.entries)
        #expect(try ZipArchiveWriter.bytes(Self.entries) == archive)
        // Deflated: the sheet's XML shrinks to a small part of itself.
        #expect(archive.count < 310_000 + 20_000)
    }

    @Test func piecesOfAnySizeMakeTheSameArchive() throws {
        let whole = try ZipArchiveWriter.bytes(Self.entries)
        for pieceSize in [1, 7, 4096, 300_001] {
            let pieced = try ZipArchiveWriter.bytes { sink in
                for entry in Self.entries {
                    try sink.add(entry.path) { put in
                        try entry.bytes.withUnsafeBytes { bytes in
                            for start in stride(from: 0, to: bytes.count, by: pieceSize) {
                                try put(UnsafeRawBufferPointer(rebasing: bytes[start..<min(start + pieceSize, bytes.count)]))
                            }
                        }
                    }
                }
            }
            #expect(pieced == whole, "pieces of \(pieceSize)")
        }
    }

    /// With the limit lowered to 1,000 bytes, the large entries get zip64 sizes in their local headers and the
    /// central directory, later entries zip64 offsets, and the archive a zip64 end record.
    @Test func zip64FieldsReadBack() throws {
        let sink = ZipEntrySink(zip64Limit: 1000)
        try sink.add(Self.entries)
        let archive = sink.finish()
        try Self.expectReadsBack(archive, Self.entries)
        #expect(archive.count > 1000)
        // The noise entry's local header: version 4.5, sizes in the extra field.
        let name = Array("noise.bin".utf8)
        let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        func isHeader(at offset: Int) -> Bool {
            archive[offset..<(offset + 4)].elementsEqual(signature)
                && archive[(offset + 30)..<(offset + 30 + name.count)].elementsEqual(name)
        }
        let lastStart = archive.count - 30 - name.count
        let found: Int? = (0..<lastStart).first(where: isHeader(at:))
        let header = try #require(found)
        #expect(archive[header + 4] == 45)
        #expect(archive[header + 28] == 20)
        #expect(archive[(header + 18)..<(header + 26)].allSatisfy { $0 == 0xFF })
        // The zip64 end record and its locator precede the classic end record.
        #expect(Array(archive[(archive.count - 42)..<(archive.count - 38)]) == [0x50, 0x4B, 0x06, 0x07])
    }

    @Test func aFailingEntryPassesItsErrorOn() {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            _ = try ZipArchiveWriter.bytes { sink in try sink.add("a.txt") { _ in throw Stop() } }
        }
    }
}
