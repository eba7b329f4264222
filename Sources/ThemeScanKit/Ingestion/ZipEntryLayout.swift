/// Where each entry's stored bytes begin in a zip archive, in central-directory order.
///
/// ZIPFoundation 0.9.20 does not expose these offsets, and its own deflate loop reads past an entry's compressed
/// bytes and spins forever when a damaged stream runs into the end of the archive. Knowing the offsets lets
/// `ZipArchiveReader` feed the inflater exactly the entry's compressed bytes and fail when they run out, so only
/// this much of the format is read by hand.
struct ZipEntryLayout {
    /// The offset of the first byte after each entry's local header, in central-directory order.
    let dataOffsets: [Int]

    /// The layout of the archive in `bytes`, or nil when its directory cannot be followed.
    init?(_ bytes: [UInt8]) {
        guard let end = Self.endOfCentralDirectory(in: bytes) else { return nil }
        var count = Int(Self.uint16(bytes, end + 10))
        var offset = Int(Self.uint32(bytes, end + 16))
        if count == 0xFFFF || offset == 0xFFFF_FFFF {
            // Zip64: the locator just before the end record points at the zip64 end record.
            let locator = end - 20
            guard locator >= 0, Self.uint32(bytes, locator) == 0x0706_4B50 else { return nil }
            let record = Int(Self.uint64(bytes, locator + 8))
            guard record >= 0, record + 56 <= bytes.count, Self.uint32(bytes, record) == 0x0606_4B50 else { return nil }
            count = Int(Self.uint64(bytes, record + 32))
            offset = Int(Self.uint64(bytes, record + 48))
        }
        var offsets: [Int] = []
        for _ in 0..<count {
            guard offset >= 0, offset + 46 <= bytes.count, Self.uint32(bytes, offset) == 0x0201_4B50 else { return nil }
            let nameLength = Int(Self.uint16(bytes, offset + 28))
            let extraLength = Int(Self.uint16(bytes, offset + 30))
            let commentLength = Int(Self.uint16(bytes, offset + 32))
            var localHeader = Int(Self.uint32(bytes, offset + 42))
            let extraStart = offset + 46 + nameLength
            guard extraStart + extraLength <= bytes.count else { return nil }
            if localHeader == 0xFFFF_FFFF {
                guard let zip64 = Self.zip64LocalHeaderOffset(bytes, central: offset, extra: extraStart..<(extraStart + extraLength))
                else { return nil }
                localHeader = zip64
            }
            guard localHeader >= 0, localHeader + 30 <= bytes.count, Self.uint32(bytes, localHeader) == 0x0403_4B50
            else { return nil }
            let localNameLength = Int(Self.uint16(bytes, localHeader + 26))
            let localExtraLength = Int(Self.uint16(bytes, localHeader + 28))
            offsets.append(localHeader + 30 + localNameLength + localExtraLength)
            offset = extraStart + extraLength + commentLength
        }
        dataOffsets = offsets
    }

    private static func endOfCentralDirectory(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var position = bytes.count - 22
        while position >= lowest {
            if uint32(bytes, position) == 0x0605_4B50 { return position }
            position -= 1
        }
        return nil
    }

    /// The local header offset from the zip64 extra field, which lists only the fields the central record
    /// marks as 0xFFFFFFFF, in a fixed order.
    private static func zip64LocalHeaderOffset(_ bytes: [UInt8], central: Int, extra: Range<Int>) -> Int? {
        var position = extra.lowerBound
        while position + 4 <= extra.upperBound {
            let id = uint16(bytes, position)
            let size = Int(uint16(bytes, position + 2))
            if id == 0x0001 {
                var field = position + 4
                if uint32(bytes, central + 24) == 0xFFFF_FFFF { field += 8 }
                if uint32(bytes, central + 20) == 0xFFFF_FFFF { field += 8 }
                guard field + 8 <= position + 4 + size else { return nil }
                return Int(uint64(bytes, field))
            }
            position += 4 + size
        }
        return nil
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
