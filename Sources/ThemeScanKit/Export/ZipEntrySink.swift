import Foundation
import ZIPFoundation

/// Takes the entries of an archive being built (`ZipArchiveWriter.bytes(_:)`), each deflated into it as it comes,
/// with the fixed date and permissions that make the archive's bytes depend only on its entries.
public struct ZipEntrySink {
    let archive: Archive

    /// Adds an entry of `bytes`, lent for the call.
    public func add(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        // Handed over a chunk at a time, copied from the lent bytes rather than from a whole copy of them.
        try add(path, size: bytes.count) { position, size in
            guard let base = bytes.baseAddress, position < bytes.count else { return Data() }
            return Data(bytes: base + position, count: min(size, bytes.count - position))
        }
    }

    /// Adds the entries in order.
    public func add(_ entries: [QDAArchiveEntry]) throws {
        for entry in entries { try entry.bytes.withUnsafeBytes { try add(entry.path, $0) } }
    }

    /// Adds an entry of the `size` bytes `file` holds from its start, read a chunk at a time, so an entry larger
    /// than memory can hold goes in.
    public func add(_ path: String, file: FileHandle, size: Int) throws {
        try file.seek(toOffset: 0)
        var offset = 0
        try add(path, size: size) { position, count in
            if position != offset { try file.seek(toOffset: UInt64(position)) }
            let chunk = try file.read(upToCount: count) ?? Data()
            offset = position + chunk.count
            return chunk
        }
    }

    private func add(_ path: String, size: Int, chunk: (_ position: Int, _ size: Int) throws -> Data) throws {
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(size), modificationDate: ZipArchiveWriter.fixedDate,
            permissions: 0o644, compressionMethod: .deflate
        ) { position, size in try chunk(Int(position), size) }
    }
}
