import Foundation
import ZIPFoundation

/// Reads the entries of a zip archive (DOCX, XLSX) held in memory.
///
/// Entry names are only looked up, never turned into file paths, and an entry is inflated into memory with its
/// size counted while it inflates: declared sizes are never trusted, so a zip bomb stops at the cap. The directory
/// is read by `ZipCentralDirectory` (see there why not by ZIPFoundation); ZIPFoundation inflates and checksums.
public final class ZipArchiveReader {
    /// The archive's file, for error locations.
    public let path: String
    /// The most bytes one entry may inflate to.
    public let maximumEntryBytes: Int
    private let archiveBytes: [UInt8]
    private let directory: ZipCentralDirectory

    /// Whether `bytes` start like a zip archive (a local file header or an empty archive's end record).
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// Opens the archive in `bytes`; throws `.malformed` when it is truncated or not a zip archive.
    public init(
        bytes: [UInt8], path: String, maximumEntryBytes: Int = IngestionOptions.defaultMaximumEntryBytes
    ) throws(IngestionError) {
        self.path = path
        self.maximumEntryBytes = maximumEntryBytes
        archiveBytes = bytes
        guard let directory = ZipCentralDirectory(bytes) else {
            throw .malformed(
                at: SourceLocation(path: path),
                reason: "not a readable zip archive (its central directory is missing or points outside the file); "
                    + "the file may be truncated or corrupt: copy it again")
        }
        self.directory = directory
    }

    /// The names of the archive's file entries, in archive order.
    public var entryNames: [String] {
        directory.entries.filter { !$0.isDirectory }.map(\.name)
    }

    /// Whether the archive has a file entry named `name`.
    public func contains(_ name: String) -> Bool {
        entry(named: name) != nil
    }

    /// The inflated bytes of the entry named `name`; throws `.malformed` naming the entry when it is missing,
    /// encrypted, corrupt or inflates past `maximumEntryBytes`.
    public func bytes(of name: String) throws(IngestionError) -> [UInt8] {
        guard let entry = entry(named: name) else {
            throw .malformed(at: SourceLocation(path: path), reason: "the zip archive has no entry \(name)")
        }
        guard entry.flags & 1 == 0 else {
            throw .malformed(
                at: SourceLocation(path: path), reason: "zip entry \(name) is encrypted; save the file again without a password")
        }
        guard entry.compressionMethod == 0 || entry.compressionMethod == 8 else {
            throw .malformed(
                at: SourceLocation(path: path),
                reason: "zip entry \(name) uses compression method \(entry.compressionMethod), which cannot be read; "
                    + "save the file again")
        }
        let limit = maximumEntryBytes
        var bytes: [UInt8] = []
        var overLimit = false
        let checksum: CRC32
        let consumer: Consumer = { chunk in
            // Counted here, chunk by chunk as zlib produces it, so the cap holds whatever the header claims.
            guard bytes.count + chunk.count <= limit else {
                overLimit = true
                throw CancellationError()
            }
            bytes.append(contentsOf: chunk)
        }
        do {
            let stored = try storedBytes(of: entry)
            if entry.compressionMethod == 8 {
                checksum = try inflate(stored, consumer: consumer)
            } else {
                let data = Data(stored)
                try consumer(data)
                checksum = data.crc32(checksum: 0)
            }
        } catch {
            if overLimit {
                throw .malformed(
                    at: SourceLocation(path: path),
                    reason: "zip entry \(name) inflates to more than \(limit) bytes, the limit for one entry; "
                        + "it may be a zip bomb, or raise the limit if the file is genuine")
            }
            throw .malformed(
                at: SourceLocation(path: path),
                reason: "zip entry \(name) is corrupt or truncated (\(error)); copy the file again or re-save it")
        }
        guard checksum == entry.checksum else {
            throw .malformed(
                at: SourceLocation(path: path), reason: "zip entry \(name) is corrupt (its checksum does not match)")
        }
        return bytes
    }

    /// The entry named `name` and its stored bytes, when it is there, not encrypted, and stored or deflated; nil
    /// otherwise, for `bytes(of:)` to say why.
    func storedEntry(named name: String) -> (entry: ZipDirectoryEntry, bytes: ArraySlice<UInt8>)? {
        guard let entry = entry(named: name), entry.flags & 1 == 0,
            entry.compressionMethod == 0 || entry.compressionMethod == 8,
            let stored = try? storedBytes(of: entry)
        else { return nil }
        return (entry, stored)
    }

    /// The entry's stored bytes, where the directory places them; throws when they run past the archive.
    private func storedBytes(of entry: ZipDirectoryEntry) throws -> ArraySlice<UInt8> {
        guard entry.dataOffset <= archiveBytes.count, entry.compressedSize <= archiveBytes.count - entry.dataOffset
        else { throw Archive.ArchiveError.invalidLocalHeaderDataOffset }
        return archiveBytes[entry.dataOffset..<(entry.dataOffset + entry.compressedSize)]
    }

    /// Inflates a deflated entry from exactly its compressed bytes, failing when they end before the stream does.
    ///
    /// The bytes go to zlib in one chunk of exactly `bufferSize` bytes: ZIPFoundation 0.9.20's inflate loop tells
    /// zlib every chunk holds `bufferSize` bytes, so a shorter one (the last of an entry) makes zlib read past it.
    private func inflate(_ compressed: ArraySlice<UInt8>, consumer: Consumer) throws -> CRC32 {
        guard !compressed.isEmpty, compressed.count <= Int(UInt32.max) else {
            throw Archive.ArchiveError.unreadableArchive
        }
        var delivered = false
        return try Data.decompress(
            size: Int64(compressed.count), bufferSize: compressed.count, skipCRC32: false,
            provider: { _, _ in
                // Asked again only when the stream needs more than the entry holds.
                guard !delivered else { throw Archive.ArchiveError.unreadableArchive }
                delivered = true
                return Data(compressed)
            }, consumer: consumer)
    }

    /// The file entry named exactly `name`, or else the one whose name differs only in case (some zip tools
    /// change the case of names).
    private func entry(named name: String) -> ZipDirectoryEntry? {
        let files = directory.entries.lazy.filter { !$0.isDirectory }
        if let entry = files.first(where: { $0.name == name }) { return entry }
        let lowered = name.lowercased()
        return files.first { $0.name.lowercased() == lowered }
    }
}
