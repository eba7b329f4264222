/// The document summaries of a run, read back from the file `DocumentSummaryWriter` set them aside in.
///
/// Each record is preceded by its length, and the file's reader holds where every `blockDocuments`-th record starts:
/// a survey export's rows are millions of documents, and an offset for each was 8 bytes a row, 16 while the list
/// grew.
final class DocumentSummaryFile: Sendable {
    private let file: SetAsideFile
    /// Where the records of every `blockDocuments`-th summary start, then where the last ends.
    private let blocks: [Int]
    let count: Int
    private let nameLists: [DocumentMetadata.Names]
    /// Records found from the start of their block, by reading each one's length.
    static let blockDocuments = 16

    /// Reads `count` summaries from `file`, with `blocks` as `DocumentSummaryWriter` noted them.
    init(file: SetAsideFile, blocks: [Int], count: Int, nameLists: [DocumentMetadata.Names]) {
        precondition(blocks.count == (count + Self.blockDocuments - 1) / Self.blockDocuments + 1, "a start per block")
        self.file = file
        self.blocks = blocks
        self.count = count
        self.nameLists = nameLists
    }

    /// The summary of document `index`.
    func summary(at index: Int) -> DocumentSummary {
        precondition(index >= 0 && index < count, "document \(index) of \(count)")
        let block = index / Self.blockDocuments
        let summary = file.withBytes(in: blocks[block]..<blocks[block + 1], readingUpTo: blocks[blocks.count - 1]) {
            bytes -> DocumentSummary? in
            var offset = 0
            var length = SevenBitNumber.read(bytes, at: &offset)
            for _ in 0..<(index % Self.blockDocuments) {
                offset += length ?? 0
                length = SevenBitNumber.read(bytes, at: &offset)
            }
            guard let length, length >= 0, length <= bytes.count - offset else { return nil }
            return DocumentSummary(record: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), nameLists: nameLists)
        }
        // The file is the run's own, written by this process moments before.
        guard let summary else { fatalError("themescan: the run's list of documents was damaged on disk") }
        return summary
    }
}
