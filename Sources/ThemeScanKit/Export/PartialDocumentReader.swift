import Foundation

/// Reads a shard's `partial-documents.bin` a document at a time, a block of the file at a time, so that `merge`
/// holds one document of each shard (see `PartialResult`).
struct PartialDocumentReader {
    private var file: FileBlockReader
    private let folder: String
    private var buffer: [UInt8] = []
    private var position = 0
    /// How many documents were read.
    private var recordsRead = 0

    /// Opens the file in the shard's folder; `blockSize` is how many bytes are read at a time (tests make it small).
    init(folder: String, blockSize: Int = 1 << 20) throws(MergeError) {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(PartialResult.documentsFileName).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadable(folder: folder, reason: "\(PartialResult.documentsFileName) is missing")
        }
        do {
            file = try FileBlockReader(path: path, folder: folder, blockSize: blockSize)
        } catch {
            throw .unreadable(folder: folder, reason: "\(PartialResult.documentsFileName): \(error.reason)")
        }
        self.folder = folder
        let magic = PartialDocumentWriter.magic
        guard try fill(magic.count), buffer[..<magic.count].elementsEqual(magic) else {
            throw failure("is not a file of a shard's documents")
        }
        position = magic.count
    }

    /// The next document, or nil after the last.
    mutating func next() throws(MergeError) -> PartialDocument? {
        // A length takes at most ten bytes.
        _ = try fill(10)
        guard position < buffer.count else { return nil }
        var offset = position
        let length = buffer.withUnsafeBytes { SevenBitNumber.read($0, at: &offset) }
        guard let length, length >= 0 else { throw failure("document \(recordsRead + 1) is damaged") }
        position = offset
        guard try fill(length) else { throw failure("ends inside a document: the shard's run was cut short") }
        let start = position
        position += length
        recordsRead += 1
        let document = buffer.withUnsafeBytes { PartialDocument(record: UnsafeRawBufferPointer(rebasing: $0[start..<(start + length)])) }
        guard let document else { throw failure("document \(recordsRead) is damaged") }
        return document
    }

    /// Reads until `count` bytes are buffered past `position`; false when the file ends first.
    private mutating func fill(_ count: Int) throws(MergeError) -> Bool {
        while buffer.count - position < count, let data = try file.next() {
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            buffer += data
        }
        return buffer.count - position >= count
    }

    /// Why the file cannot be merged, naming it.
    private func failure(_ reason: String) -> MergeError {
        .unreadable(folder: folder, reason: "\(PartialResult.documentsFileName) \(reason)")
    }
}
