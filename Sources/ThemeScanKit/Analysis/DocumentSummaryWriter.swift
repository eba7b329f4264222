/// Collects a run's document summaries in order, and sets them aside in a file once there are more than
/// `heldDocuments`, so that a survey export with a document per row does not hold every row's summary to the end.
///
/// A corpus of files rarely has that many documents, and keeps them in memory as before.
final class DocumentSummaryWriter {
    /// How many summaries are held before they are set aside.
    let heldDocuments: Int
    /// The folder of the file; the system's temporary folder when nil.
    let folder: String?
    private var held: [DocumentSummary] = []
    /// The file once summaries are set aside.
    private var writer: SetAsideWriter?
    /// Summaries set aside, and where the records of every `DocumentSummaryFile.blockDocuments`-th one start.
    private var written = 0
    private var blocks: [Int] = []
    /// The record being made, before its length.
    private var record: [UInt8] = []
    /// The name lists of the records' metadata, and the last one looked up, held so that its identity stays its own.
    private var nameLists: [DocumentMetadata.Names] = []
    private var nameListPositions: [[String]: Int] = [:]
    private var lastNameList: (names: DocumentMetadata.Names, position: Int)?

    init(heldDocuments: Int, folder: String?) {
        self.heldDocuments = heldDocuments
        self.folder = folder
    }

    /// How many summaries were added.
    var count: Int { writer == nil ? held.count : written }

    func append(_ summary: DocumentSummary) throws(TextError) {
        guard writer != nil || held.count >= heldDocuments else {
            held.append(summary)
            return
        }
        if writer == nil {
            writer = SetAsideWriter(folder: folder, prefix: ".themescan-documents")
            for earlier in held { try write(earlier) }
            held = []
        }
        try write(summary)
    }

    /// The summaries added, in order; the writer is empty afterwards.
    func finish() throws(TextError) -> DocumentSummaries {
        guard var writer else {
            defer { held = [] }
            return DocumentSummaries(held)
        }
        blocks.append(writer.count)
        let file = try writer.flush()
        self.writer = nil
        defer {
            written = 0
            blocks = []
            nameLists = []
            nameListPositions = [:]
            lastNameList = nil
        }
        return DocumentSummaries(
            file: DocumentSummaryFile(file: file, blocks: blocks, count: written, nameLists: nameLists))
    }

    private func write(_ summary: DocumentSummary) throws(TextError) {
        if written % DocumentSummaryFile.blockDocuments == 0 { blocks.append(writer!.count) }
        record.removeAll(keepingCapacity: true)
        summary.appendRecord(to: &record, nameList: nameListPosition(of: summary.metadata))
        try writer!.append { [record] bytes in
            SevenBitNumber.append(record.count, to: &bytes)
            bytes += record
        }
        written += 1
    }

    /// Where the list of names of `metadata` is among `nameLists`: a survey export's rows share one list, found by
    /// identity; other documents' lists are found by their names, so that equal lists are kept once.
    private func nameListPosition(of metadata: DocumentMetadata) -> Int {
        if let last = lastNameList, last.names === metadata.names { return last.position }
        let position: Int
        if let known = nameListPositions[metadata.names.sorted] {
            position = known
        } else {
            position = nameLists.count
            nameLists.append(metadata.names)
            nameListPositions[metadata.names.sorted] = position
        }
        lastNameList = (metadata.names, position)
        return position
    }
}
