/// The document summaries of a run, read back from the file `DocumentSummaryWriter` set them aside in.
final class DocumentSummaryFile: Sendable {
    private let file: SetAsideFile
    /// Where each record starts, and where the last ends.
    private let offsets: [Int]
    private let nameLists: [DocumentMetadata.Names]

    /// Reads `file`, whose records start at `offsets` (and the last ends at its last entry).
    init(file: SetAsideFile, offsets: [Int], nameLists: [DocumentMetadata.Names]) {
        self.file = file
        self.offsets = offsets
        self.nameLists = nameLists
    }

    var count: Int { offsets.count - 1 }

    /// The summary of document `index`.
    func summary(at index: Int) -> DocumentSummary {
        let summary = file.withBytes(in: offsets[index]..<offsets[index + 1], readingUpTo: offsets[offsets.count - 1]) {
            DocumentSummary(record: $0, nameLists: nameLists)
        }
        // The file is the run's own, written by this process moments before.
        guard let summary else { fatalError("themescan: the run's list of documents was damaged on disk") }
        return summary
    }
}
