import Foundation

/// Reads a shard's file a block at a time for `merge`, whose readers keep their own buffers (`CSVRecordReader`,
/// `PartialDocumentReader`); a failure names the shard's folder.
///
/// No file stays open between blocks. `merge` reads two files of every shard at once, and a job array may run
/// hundreds of shards: with a descriptor held for each file, about 500 shards used up the 1,024 descriptors a process
/// may hold by default. Each block opens the file again instead, checks that it is still the file first opened,
/// and reads at its offset; that is one `open` a block, next to a read of 64 KB or more.
struct FileBlockReader {
    private let path: String
    /// What a failure names: the shard's folder, or the file.
    private let folder: String
    /// How many bytes are read at a time; tests make it small.
    private let blockSize: Int
    private let identity: RegularFile.Identity
    private var offset = 0
    /// Whether the file's last block was read.
    private(set) var atEnd = false

    /// Makes sure `path` is a regular file that can be opened; the failure's reason when it cannot be.
    init(path: String, folder: String, blockSize: Int) throws(RegularFile.Failure) {
        self.path = path
        self.folder = folder
        self.blockSize = blockSize
        identity = try RegularFile(path: path).identity
    }

    /// The next block, or nil once the file has ended.
    mutating func next() throws(MergeError) -> [UInt8]? {
        guard !atEnd else { return nil }
        let file: RegularFile
        do {
            file = try RegularFile(path: path)
        } catch {
            throw .unreadable(folder: folder, reason: error.reason)
        }
        guard file.identity == identity else { throw .changedWhileMerging(file: path) }
        let block: [UInt8]?
        do {
            block = try file.read(upTo: blockSize, at: offset)
        } catch {
            throw .unreadable(folder: folder, reason: error.reason)
        }
        guard let block else {
            atEnd = true
            return nil
        }
        offset += block.count
        // A shard's files are complete before merge reads them, so a short block is the last: the file is not
        // opened once more only to find its end.
        atEnd = block.count < blockSize
        return block
    }
}
