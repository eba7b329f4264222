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
        let noise = Self.noise(count: 300_000)
        return [
            QDAArchiveEntry(path: "empty.txt", bytes: []),
            QDAArchiveEntry(path: "a.txt", bytes: Array("alpha".utf8)),
            QDAArchiveEntry(path: "noise.bin", bytes: noise),
            QDAArchiveEntry(path: "xl/worksheets/sheet1.xml", bytes: Array(String(repeating: "<c><v>0</v></c>", count: 70_000).utf8)),
            QDAArchiveEntry(path: "sources/访谈记录.txt", bytes: Array("个案管理与抑郁症".utf8)),
        ]
    }()

    /// Bytes that do not compress, from a fixed seed.
    static func noise(count: Int) -> [UInt8] {
        var seeded = UInt64(2024)
        return (0..<count).map { _ in
            seeded = seeded &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: seeded >> 33)
        }
    }

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

    /// With the limit lowered to 1,000 bytes, the large entries get eight-byte sizes in their data descriptors and
    /// zip64 sizes in the central directory, later entries zip64 offsets, and the archive a zip64 end record.
    @Test func zip64FieldsReadBack() throws {
        var archive: [UInt8] = []
        let sink = ZipEntrySink(zip64Limit: 1000) { archive += $0 }
        try sink.add(Self.entries)
        try sink.finish()
        try Self.expectReadsBack(archive, Self.entries)
        // The noise entry's data descriptor: signature, checksum, then both sizes in eight bytes each.
        let size = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(300_000) >> (8 * $0)) }
        let signature: [UInt8] = [0x50, 0x4B, 0x07, 0x08]
        func isNoiseDescriptor(at offset: Int) -> Bool {
            archive[offset..<(offset + 4)].elementsEqual(signature)
                && archive[(offset + 16)..<(offset + 24)].elementsEqual(size)
        }
        let found: Int? = (0..<(archive.count - 24)).first(where: isNoiseDescriptor(at:))
        #expect(found != nil)
        // The zip64 end record and its locator precede the classic end record.
        #expect(Array(archive[(archive.count - 42)..<(archive.count - 38)]) == [0x50, 0x4B, 0x06, 0x07])
    }

    /// The archive is handed on in pieces of about a megabyte as it is made, never whole.
    @Test func theArchiveIsHandedOnInPieces() throws {
        let large = QDAArchiveEntry(path: "large.bin", bytes: Self.noise(count: 3_000_000))
        var pieces: [[UInt8]] = []
        try ZipArchiveWriter.write({ try $0.add([large]) }, to: { pieces.append($0) })
        #expect(pieces.count >= 3)
        #expect(pieces.dropLast().allSatisfy { $0.count >= ZipEntrySink.pieceBytes && $0.count < ZipEntrySink.pieceBytes + (300 << 10) })
        #expect(Array(pieces.joined()) == (try ZipArchiveWriter.bytes([large])))
        try Self.expectReadsBack(Array(pieces.joined()), [large])
    }

    @Test func failuresArePassedOn() {
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            _ = try ZipArchiveWriter.bytes { sink in try sink.add("a.txt") { _ in throw Stop() } }
        }
        #expect(throws: Stop.self) {
            try ZipArchiveWriter.write({ try $0.add(Self.entries) }, to: { _ in throw Stop() })
        }
    }
}
