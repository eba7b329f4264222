/// Takes the entries of an archive being built (`ZipArchiveWriter.bytes(_:)`), each compressed into it as it
/// comes, with the fixed date and permissions that make the archive's bytes depend only on its entries.
///
/// The zip container is written here rather than by ZIPFoundation (which reads DOCX and XLSX inputs): it offers
/// neither a compression level nor an entry whose size is unknown until its last byte, and a workbook's sheets
/// are made a piece at a time and run to hundreds of megabytes of XML. The archive is built in memory, so each
/// local header gets its checksum and sizes once its entry is complete and no data descriptor is needed. Zip64
/// fields are written where a size, offset or count does not fit the classic ones.
public final class ZipEntrySink {
    private struct Record {
        var path: [UInt8]
        var headerOffset: UInt64
        var checksum: UInt32
        var compressedSize: UInt64
        var size: UInt64
    }

    /// The archive's bytes so far.
    private var archive: [UInt8] = []
    private var records: [Record] = []
    private let level: Int32
    /// Sizes, offsets and counts from this on go into zip64 fields: 0xFFFFFFFF, lowered only by tests.
    let zip64Limit: UInt64

    /// DOS date 1980-01-01 and time 00:00, the earliest a zip can hold: no clock reaches the archive.
    private static let fixedDate: UInt16 = 0x0021
    private static let fixedTime: UInt16 = 0
    /// Unix, zip specification 3.0; the external attributes carry a regular file's mode, rw-r--r--.
    private static let versionMadeBy: UInt16 = 0x031E
    private static let externalAttributes: UInt32 = 0o100644 << 16

    init(level: Int32 = DeflateStream.fastestLevel, zip64Limit: UInt64 = 0xFFFF_FFFF) {
        self.level = level
        self.zip64Limit = zip64Limit
    }

    /// Adds an entry of `bytes`, lent for the call.
    public func add(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        try add(path) { put in try put(bytes) }
    }

    /// Adds the entries in order.
    public func add(_ entries: [QDAArchiveEntry]) throws {
        for entry in entries { try entry.bytes.withUnsafeBytes { try add(entry.path, $0) } }
    }

    /// Adds an entry whose bytes `write` hands to `put` in pieces, each compressed as it comes and let go.
    ///
    /// Throws what `write` throws, and `ZipWriteError` when zlib fails.
    public func add(_ path: String, writing write: (_ put: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let name = Array(path.utf8)
        let headerOffset = UInt64(archive.count)
        let stream = try DeflateStream(level: level, entry: path)
        appendLocalHeader(name: name)
        let dataStart = archive.count
        try write { bytes in
            try stream.compress(bytes, finish: false, entry: path) { self.archive.append(contentsOf: $0) }
        }
        try stream.compress(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, entry: path) {
            self.archive.append(contentsOf: $0)
        }
        var record = Record(
            path: name, headerOffset: headerOffset, checksum: stream.checksum,
            compressedSize: UInt64(archive.count - dataStart), size: UInt64(stream.inputCount))
        completeLocalHeader(of: &record)
        records.append(record)
    }

    /// The finished archive: the entries and their central directory.
    func finish() -> [UInt8] {
        let directoryOffset = UInt64(archive.count)
        for record in records { appendCentralRecord(record) }
        let directorySize = UInt64(archive.count) - directoryOffset
        let count = UInt64(records.count)
        let needsZip64 = count >= 0xFFFF || directoryOffset >= zip64Limit || directorySize >= zip64Limit
        if needsZip64 {
            let zip64EndOffset = UInt64(archive.count)
            append32(0x0606_4B50)
            append64(44)  // the size of the rest of this record
            append16(Self.versionMadeBy)
            append16(45)
            append32(0)
            append32(0)
            append64(count)
            append64(count)
            append64(directorySize)
            append64(directoryOffset)
            append32(0x0706_4B50)  // its locator
            append32(0)
            append64(zip64EndOffset)
            append32(1)
        }
        append32(0x0605_4B50)
        append16(0)
        append16(0)
        append16(UInt16(min(count, 0xFFFF)))
        append16(UInt16(min(count, 0xFFFF)))
        append32(needsZip64 ? 0xFFFF_FFFF : UInt32(directorySize))
        append32(needsZip64 ? 0xFFFF_FFFF : UInt32(directoryOffset))
        append16(0)
        return archive
    }

    // MARK: - Records

    /// Bit 11: the name is UTF-8. Set only when it is not ASCII, where the two agree.
    private static func flags(_ name: [UInt8]) -> UInt16 { name.allSatisfy { $0 < 0x80 } ? 0 : 1 << 11 }

    /// A local header with room for its checksum and sizes, which `completeLocalHeader` fills in.
    private func appendLocalHeader(name: [UInt8]) {
        append32(0x0403_4B50)
        append16(20)
        append16(Self.flags(name))
        append16(8)  // deflated
        append16(Self.fixedTime)
        append16(Self.fixedDate)
        append32(0)
        append32(0)
        append32(0)
        append16(UInt16(name.count))
        append16(0)
        archive.append(contentsOf: name)
    }

    /// Fills in the local header of a complete entry. An entry too large for the classic size fields gets a zip64
    /// extra field, inserted after its name: the compressed bytes move up by its length.
    private func completeLocalHeader(of record: inout Record) {
        let header = Int(record.headerOffset)
        let large = record.size >= zip64Limit || record.compressedSize >= zip64Limit
        put32(record.checksum, at: header + 14)
        if large {
            put16(45, at: header + 4)
            put32(0xFFFF_FFFF, at: header + 18)
            put32(0xFFFF_FFFF, at: header + 22)
            put16(20, at: header + 28)
            var extra: [UInt8] = []
            Self.append16(0x0001, to: &extra)
            Self.append16(16, to: &extra)
            Self.append64(record.size, to: &extra)
            Self.append64(record.compressedSize, to: &extra)
            archive.insert(contentsOf: extra, at: header + 30 + record.path.count)
        } else {
            put32(UInt32(record.compressedSize), at: header + 18)
            put32(UInt32(record.size), at: header + 22)
        }
    }

    private func appendCentralRecord(_ record: Record) {
        // The zip64 extra field lists only the fields marked 0xFFFFFFFF, in this order.
        var extra: [UInt8] = []
        if record.size >= zip64Limit { Self.append64(record.size, to: &extra) }
        if record.compressedSize >= zip64Limit { Self.append64(record.compressedSize, to: &extra) }
        if record.headerOffset >= zip64Limit { Self.append64(record.headerOffset, to: &extra) }
        if !extra.isEmpty {
            var field: [UInt8] = []
            Self.append16(0x0001, to: &field)
            Self.append16(UInt16(extra.count), to: &field)
            extra = field + extra
        }
        append32(0x0201_4B50)
        append16(Self.versionMadeBy)
        append16(extra.isEmpty ? 20 : 45)
        append16(Self.flags(record.path))
        append16(8)
        append16(Self.fixedTime)
        append16(Self.fixedDate)
        append32(record.checksum)
        append32(record.compressedSize >= zip64Limit ? 0xFFFF_FFFF : UInt32(record.compressedSize))
        append32(record.size >= zip64Limit ? 0xFFFF_FFFF : UInt32(record.size))
        append16(UInt16(record.path.count))
        append16(UInt16(extra.count))
        append16(0)  // comment
        append16(0)  // disk
        append16(0)  // internal attributes
        append32(Self.externalAttributes)
        append32(record.headerOffset >= zip64Limit ? 0xFFFF_FFFF : UInt32(record.headerOffset))
        archive.append(contentsOf: record.path)
        archive.append(contentsOf: extra)
    }

    // MARK: - Little-endian fields

    private func append16(_ value: UInt16) { Self.append16(value, to: &archive) }
    private func append32(_ value: UInt32) { Self.append32(value, to: &archive) }
    private func append64(_ value: UInt64) { Self.append64(value, to: &archive) }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    private static func append64(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private func put16(_ value: UInt16, at offset: Int) {
        archive[offset] = UInt8(truncatingIfNeeded: value)
        archive[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
    }

    private func put32(_ value: UInt32, at offset: Int) {
        for index in 0..<4 { archive[offset + index] = UInt8(truncatingIfNeeded: value >> UInt32(8 * index)) }
    }
}
