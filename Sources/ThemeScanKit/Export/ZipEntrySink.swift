/// Takes the entries of an archive being built (`ZipArchiveWriter`), each compressed as it comes and handed on
/// with the archive's other bytes a megabyte at a time, with the fixed date and permissions that make the
/// archive's bytes depend only on its entries.
///
/// The zip container is written here rather than by ZIPFoundation (which reads DOCX and XLSX inputs): it offers
/// neither a compression level nor an entry whose size is unknown until its last byte, and a workbook's sheets
/// are made a piece at a time and run to hundreds of megabytes of XML. So that nothing is held or written twice,
/// each entry's checksum and sizes follow its data in a data descriptor (general purpose flag bit 3), as Java's
/// zip streams and other streaming writers of Office files write them, and are repeated in the central directory.
/// Zip64 fields are written where a size, offset or count does not fit the classic ones.
public final class ZipEntrySink {
    private struct Record {
        var path: [UInt8]
        var headerOffset: UInt64
        var checksum: UInt32
        var compressedSize: UInt64
        var size: UInt64
    }

    /// Archive bytes not yet handed on.
    private var pending: [UInt8] = []
    /// Bytes of the archive so far, handed on or pending.
    private var offset: UInt64 = 0
    private var records: [Record] = []
    private let emit: ([UInt8]) throws -> Void
    private let level: Int32
    /// One stream for every entry, reset between them.
    private var stream: DeflateStream?
    /// Sizes, offsets and counts from this on go into zip64 fields: 0xFFFFFFFF, lowered only by tests.
    let zip64Limit: UInt64

    /// How many archive bytes are gathered before they are handed on.
    static let pieceBytes = 1 << 20
    /// DOS date 1980-01-01 and time 00:00, the earliest a zip can hold: no clock reaches the archive.
    private static let fixedDate: UInt16 = 0x0021
    private static let fixedTime: UInt16 = 0
    /// Unix, zip specification 3.0; the external attributes carry a regular file's mode, rw-r--r--.
    private static let versionMadeBy: UInt16 = 0x031E
    private static let externalAttributes: UInt32 = 0o100644 << 16
    /// Bit 3: checksum and sizes follow the data. Bit 11: the name is UTF-8 (set only when it is not ASCII).
    private static let descriptorFlag: UInt16 = 1 << 3
    private static let utf8NameFlag: UInt16 = 1 << 11

    /// A sink that hands the archive's bytes to `emit`, in order, a piece at a time.
    init(level: Int32 = DeflateStream.fastestLevel, zip64Limit: UInt64 = 0xFFFF_FFFF, emit: @escaping ([UInt8]) throws -> Void) {
        self.level = level
        self.zip64Limit = zip64Limit
        self.emit = emit
        pending.reserveCapacity(Self.pieceBytes + (64 << 10))
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
    /// Throws what `write` throws, `ZipWriteError` when zlib fails, and what the sink's `emit` throws.
    public func add(_ path: String, writing write: (_ put: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let name = Array(path.utf8)
        let headerOffset = offset
        let stream: DeflateStream
        if let existing = self.stream {
            try existing.reset(entry: path)
            stream = existing
        } else {
            stream = try DeflateStream(level: level, entry: path)
            self.stream = stream
        }
        let flags = Self.flags(name)
        try append { bytes in
            Self.append32(0x0403_4B50, to: &bytes)
            Self.append16(20, to: &bytes)
            Self.append16(flags, to: &bytes)
            Self.append16(8, to: &bytes)  // deflated
            Self.append16(Self.fixedTime, to: &bytes)
            Self.append16(Self.fixedDate, to: &bytes)
            // Checksum and sizes: in the data descriptor.
            Self.append32(0, to: &bytes)
            Self.append32(0, to: &bytes)
            Self.append32(0, to: &bytes)
            Self.append16(UInt16(name.count), to: &bytes)
            Self.append16(0, to: &bytes)
            bytes += name
        }
        let dataStart = offset
        func take(_ compressed: UnsafeRawBufferPointer) throws { try append { $0 += compressed } }
        try write { bytes in try stream.compress(bytes, finish: false, entry: path, into: take) }
        try stream.compress(UnsafeRawBufferPointer(start: nil, count: 0), finish: true, entry: path, into: take)
        let record = Record(
            path: name, headerOffset: headerOffset, checksum: stream.checksum, compressedSize: offset - dataStart,
            size: UInt64(stream.inputCount))
        try append { bytes in
            Self.append32(0x0807_4B50, to: &bytes)
            Self.append32(record.checksum, to: &bytes)
            // Sizes of eight bytes once either needs them, as zip64 readers expect.
            if record.size >= zip64Limit || record.compressedSize >= zip64Limit {
                Self.append64(record.compressedSize, to: &bytes)
                Self.append64(record.size, to: &bytes)
            } else {
                Self.append32(UInt32(record.compressedSize), to: &bytes)
                Self.append32(UInt32(record.size), to: &bytes)
            }
        }
        records.append(record)
    }

    /// Writes the central directory and end records and hands on what is left.
    func finish() throws {
        let directoryOffset = offset
        for record in records { try appendCentralRecord(record) }
        let directorySize = offset - directoryOffset
        let count = UInt64(records.count)
        let needsZip64 = count >= 0xFFFF || directoryOffset >= zip64Limit || directorySize >= zip64Limit
        let zip64EndOffset = offset
        try append { bytes in
            if needsZip64 {
                Self.append32(0x0606_4B50, to: &bytes)
                Self.append64(44, to: &bytes)  // the size of the rest of this record
                Self.append16(Self.versionMadeBy, to: &bytes)
                Self.append16(45, to: &bytes)
                Self.append32(0, to: &bytes)
                Self.append32(0, to: &bytes)
                Self.append64(count, to: &bytes)
                Self.append64(count, to: &bytes)
                Self.append64(directorySize, to: &bytes)
                Self.append64(directoryOffset, to: &bytes)
                Self.append32(0x0706_4B50, to: &bytes)  // its locator
                Self.append32(0, to: &bytes)
                Self.append64(zip64EndOffset, to: &bytes)
                Self.append32(1, to: &bytes)
            }
            Self.append32(0x0605_4B50, to: &bytes)
            Self.append16(0, to: &bytes)
            Self.append16(0, to: &bytes)
            Self.append16(UInt16(min(count, 0xFFFF)), to: &bytes)
            Self.append16(UInt16(min(count, 0xFFFF)), to: &bytes)
            Self.append32(needsZip64 ? 0xFFFF_FFFF : UInt32(directorySize), to: &bytes)
            Self.append32(needsZip64 ? 0xFFFF_FFFF : UInt32(directoryOffset), to: &bytes)
            Self.append16(0, to: &bytes)
        }
        if !pending.isEmpty { try emit(pending) }
        pending.removeAll()
    }

    // MARK: - Records

    private static func flags(_ name: [UInt8]) -> UInt16 {
        descriptorFlag | (name.allSatisfy { $0 < 0x80 } ? 0 : utf8NameFlag)
    }

    private func appendCentralRecord(_ record: Record) throws {
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
        try append { bytes in
            Self.append32(0x0201_4B50, to: &bytes)
            Self.append16(Self.versionMadeBy, to: &bytes)
            Self.append16(extra.isEmpty ? 20 : 45, to: &bytes)
            Self.append16(Self.flags(record.path), to: &bytes)
            Self.append16(8, to: &bytes)
            Self.append16(Self.fixedTime, to: &bytes)
            Self.append16(Self.fixedDate, to: &bytes)
            Self.append32(record.checksum, to: &bytes)
            Self.append32(record.compressedSize >= zip64Limit ? 0xFFFF_FFFF : UInt32(record.compressedSize), to: &bytes)
            Self.append32(record.size >= zip64Limit ? 0xFFFF_FFFF : UInt32(record.size), to: &bytes)
            Self.append16(UInt16(record.path.count), to: &bytes)
            Self.append16(UInt16(extra.count), to: &bytes)
            Self.append16(0, to: &bytes)  // comment
            Self.append16(0, to: &bytes)  // disk
            Self.append16(0, to: &bytes)  // internal attributes
            Self.append32(Self.externalAttributes, to: &bytes)
            Self.append32(record.headerOffset >= zip64Limit ? 0xFFFF_FFFF : UInt32(record.headerOffset), to: &bytes)
            bytes += record.path
            bytes += extra
        }
    }

    /// Lets `body` append to the pending bytes, then hands them on once they make a piece.
    private func append(_ body: (inout [UInt8]) throws -> Void) throws {
        let before = pending.count
        try body(&pending)
        offset += UInt64(pending.count - before)
        if pending.count >= Self.pieceBytes {
            try emit(pending)
            pending.removeAll(keepingCapacity: true)
        }
    }

    // MARK: - Little-endian fields

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
}
