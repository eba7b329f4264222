import Foundation
import ZIPFoundation

/// Reads the entries of a zip archive (DOCX, XLSX) held in memory.
///
/// Entry names are only looked up, never turned into file paths, and an entry is inflated into memory with its
/// size counted while it inflates: declared sizes are never trusted, so a zip bomb stops at the cap.
public final class ZipArchiveReader {
    /// The archive's file, for error locations.
    public let path: String
    /// The most bytes one entry may inflate to.
    public let maximumEntryBytes: Int
    private let archive: Archive
    private let archiveBytes: [UInt8]
    /// Entry data offsets, aligned with the archive's entries; nil when the directory could not be followed.
    private let layout: ZipEntryLayout?

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
        layout = ZipEntryLayout(bytes)
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .malformed(
                at: SourceLocation(path: path),
                reason: "not a readable zip archive (\(error)); the file may be truncated or corrupt: copy it again")
        }
    }

    /// The names of the archive's file entries, in archive order.
    public var entryNames: [String] {
        archive.filter { $0.type == .file }.map(\.path)
    }

    /// Whether the archive has a file entry named `name`.
    public func contains(_ name: String) -> Bool {
        entry(named: name) != nil
    }

    /// The inflated bytes of the entry named `name`; throws `.malformed` naming the entry when it is missing,
    /// corrupt or inflates past `maximumEntryBytes`.
    public func bytes(of name: String) throws(IngestionError) -> [UInt8] {
        guard let entry = entry(named: name) else {
            throw .malformed(at: SourceLocation(path: path), reason: "the zip archive has no entry \(name)")
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
            if entry.isCompressed {
                checksum = try inflate(entry, consumer: consumer)
            } else {
                checksum = try archive.extract(entry, consumer: consumer)
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

    /// Inflates a deflated entry from exactly its compressed bytes, failing when they end before the stream does.
    private func inflate(_ entry: Entry, consumer: Consumer) throws -> CRC32 {
        guard let index = archive.enumerated().first(where: { $0.element == entry })?.offset, let layout,
            index < layout.dataOffsets.count
        else { throw Archive.ArchiveError.invalidLocalHeaderDataOffset }
        let start = layout.dataOffsets[index]
        let compressedSize = Int(clamping: entry.compressedSize)
        let end = min(archiveBytes.count, start + compressedSize)
        guard start <= end else { throw Archive.ArchiveError.invalidLocalHeaderDataOffset }
        var position = start
        let archiveBytes = archiveBytes
        return try Data.decompress(
            size: Int64(compressedSize), bufferSize: defaultReadChunkSize, skipCRC32: false,
            provider: { _, chunkSize in
                guard position < end else { throw Archive.ArchiveError.unreadableArchive }
                let next = min(end, position + chunkSize)
                defer { position = next }
                return Data(archiveBytes[position..<next])
            }, consumer: consumer)
    }

    /// The entry named exactly `name`, or else the one whose name differs only in case (some zip tools change
    /// the case of names).
    private func entry(named name: String) -> Entry? {
        if let entry = archive[name], entry.type == .file { return entry }
        let lowered = name.lowercased()
        return archive.first { $0.type == .file && $0.path.lowercased() == lowered }
    }
}
