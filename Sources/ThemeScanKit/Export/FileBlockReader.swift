import Foundation

/// Reads a shard's file a block at a time for `merge`, whose readers keep their own buffers (`CSVRecordReader`,
/// `PartialDocumentReader`); a failure names the shard's folder.
struct FileBlockReader {
    private let handle: FileHandle
    /// What a failure names: the shard's folder, or the file.
    private let folder: String
    /// How many bytes are read at a time; tests make it small.
    private let blockSize: Int
    /// Whether the file's last block was read.
    private(set) var atEnd = false

    /// Opens the file at `path`, or nil when it cannot be.
    init?(path: String, folder: String, blockSize: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        self.handle = handle
        self.folder = folder
        self.blockSize = blockSize
    }

    /// The next block, or nil once the file has ended.
    mutating func next() throws(MergeError) -> Data? {
        guard !atEnd else { return nil }
        let data: Data?
        do {
            data = try handle.read(upToCount: blockSize)
        } catch {
            throw .unreadable(folder: folder, reason: fileErrorReason(error))
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            return nil
        }
        return data
    }

    func close() {
        try? handle.close()
    }
}
