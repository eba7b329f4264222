/// The entries of a zip archive, read from its central directory, each with where its stored bytes begin.
///
/// ZIPFoundation 0.9.20 reads an archive held in memory through a `FILE` whose seek accepts any offset: a
/// directory that points past the end of the archive makes it form an invalid range and trap, an offset over
/// 2^63 traps converting to `off_t`, and an archive without an end record leaks the `FILE`. So the directory is
/// read here, with every offset checked against the bytes, and ZIPFoundation only inflates and checksums. This is
/// the part of the format (APPNOTE 4.3.12-4.3.16, 4.5.3) that Office files need; multi-disk archives are not.
struct ZipCentralDirectory: Sendable {
    /// The entries in central-directory order.
    let entries: [ZipDirectoryEntry]

    /// The directory of the archive in `bytes`, or nil when it cannot be followed within them.
    init?(_ bytes: [UInt8]) {
        guard let end = Self.endOfCentralDirectory(in: bytes) else { return nil }
        var count = Int(Self.uint16(bytes, end + 10))
        var offset = Int(Self.uint32(bytes, end + 16))
        if count == 0xFFFF || offset == 0xFFFF_FFFF {
            // Zip64: the locator just before the end record points at the zip64 end record.
            let locator = end - 20
            guard locator >= 0, Self.uint32(bytes, locator) == 0x0706_4B50,
                let record = Self.offset(Self.uint64(bytes, locator + 8), length: 56, in: bytes),
                Self.uint32(bytes, record) == 0x0606_4B50
            else { return nil }
            count = Int(clamping: Self.uint64(bytes, record + 32))
            guard let directory = Self.offset(Self.uint64(bytes, record + 48), length: 0, in: bytes) else { return nil }
            offset = directory
        }
        var entries: [ZipDirectoryEntry] = []
        // Every record takes at least 46 bytes, so a count larger than the archive can hold fails below.
        for _ in 0..<count {
            guard offset <= bytes.count - 46, Self.uint32(bytes, offset) == 0x0201_4B50 else { return nil }
            let nameLength = Int(Self.uint16(bytes, offset + 28))
            let extraLength = Int(Self.uint16(bytes, offset + 30))
            let commentLength = Int(Self.uint16(bytes, offset + 32))
            let nameStart = offset + 46
            let extraStart = nameStart + nameLength
            guard extraStart + extraLength <= bytes.count else { return nil }
            var fields = Zip64Fields(
                uncompressedSize: UInt64(Self.uint32(bytes, offset + 24)), compressedSize: UInt64(Self.uint32(bytes, offset + 20)),
                localHeader: UInt64(Self.uint32(bytes, offset + 42)))
            if fields.needsExtraField {
                guard Self.readZip64Fields(bytes, extra: extraStart..<(extraStart + extraLength), into: &fields) else { return nil }
            }
            guard let localHeader = Self.offset(fields.localHeader, length: 30, in: bytes),
                Self.uint32(bytes, localHeader) == 0x0403_4B50,
                let compressedSize = Int(exactly: fields.compressedSize),
                let uncompressedSize = Int(exactly: fields.uncompressedSize)
            else { return nil }
            let localNameLength = Int(Self.uint16(bytes, localHeader + 26))
            let localExtraLength = Int(Self.uint16(bytes, localHeader + 28))
            entries.append(
                ZipDirectoryEntry(
                    name: String(decoding: bytes[nameStart..<extraStart], as: UTF8.self),
                    compressionMethod: Self.uint16(bytes, offset + 10), flags: Self.uint16(bytes, offset + 8),
                    checksum: Self.uint32(bytes, offset + 16), compressedSize: compressedSize,
                    uncompressedSize: uncompressedSize, dataOffset: localHeader + 30 + localNameLength + localExtraLength))
            offset = extraStart + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The sizes and local header offset of a central record, which a zip64 extra field replaces where the record
    /// holds 0xFFFFFFFF.
    private struct Zip64Fields {
        var uncompressedSize: UInt64
        var compressedSize: UInt64
        var localHeader: UInt64

        var needsExtraField: Bool {
            uncompressedSize == 0xFFFF_FFFF || compressedSize == 0xFFFF_FFFF || localHeader == 0xFFFF_FFFF
        }
    }

    /// Reads the zip64 extra field, which lists only the fields the central record marks as 0xFFFFFFFF, in a
    /// fixed order; false when it is missing or too short.
    private static func readZip64Fields(_ bytes: [UInt8], extra: Range<Int>, into fields: inout Zip64Fields) -> Bool {
        var position = extra.lowerBound
        while position + 4 <= extra.upperBound {
            let id = uint16(bytes, position)
            let size = Int(uint16(bytes, position + 2))
            if id == 0x0001 {
                let fieldEnd = min(position + 4 + size, extra.upperBound)
                var field = position + 4
                func next() -> UInt64? {
                    guard field + 8 <= fieldEnd else { return nil }
                    defer { field += 8 }
                    return uint64(bytes, field)
                }
                if fields.uncompressedSize == 0xFFFF_FFFF {
                    guard let value = next() else { return false }
                    fields.uncompressedSize = value
                }
                if fields.compressedSize == 0xFFFF_FFFF {
                    guard let value = next() else { return false }
                    fields.compressedSize = value
                }
                if fields.localHeader == 0xFFFF_FFFF {
                    guard let value = next() else { return false }
                    fields.localHeader = value
                }
                return true
            }
            position += 4 + size
        }
        return false
    }

    /// The end record: the last signature in the final 64 KiB (its comment may be that long) whose comment fits.
    private static func endOfCentralDirectory(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var position = bytes.count - 22
        while position >= lowest {
            if uint32(bytes, position) == 0x0605_4B50 {
                return position + 22 + Int(uint16(bytes, position + 20)) <= bytes.count ? position : nil
            }
            position -= 1
        }
        return nil
    }

    /// `value` as an offset at which `length` bytes fit in `bytes`, or nil.
    private static func offset(_ value: UInt64, length: Int, in bytes: [UInt8]) -> Int? {
        guard let offset = Int(exactly: value), offset <= bytes.count - length else { return nil }
        return offset
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
    }

    private static func uint64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        guard at >= 0, at + 8 <= bytes.count else { return 0 }
        return UInt64(uint32(bytes, at)) | UInt64(uint32(bytes, at + 4)) << 32
    }
}
