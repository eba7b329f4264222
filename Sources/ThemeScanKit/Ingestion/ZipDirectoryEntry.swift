/// One entry of a zip archive's central directory, with where its stored bytes begin.
struct ZipDirectoryEntry: Sendable, Equatable {
    /// The entry's name as stored (UTF-8; other bytes become U+FFFD, which no Office part name contains).
    let name: String
    /// 0 stored, 8 deflated; others are not read.
    let compressionMethod: UInt16
    /// Bit 0 set means the entry is encrypted.
    let flags: UInt16
    let checksum: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    /// The offset of the first stored byte, just after the local header.
    let dataOffset: Int

    /// Whether the entry is a folder rather than a file.
    var isDirectory: Bool { name.hasSuffix("/") }
}
