/// The documents of one input, handed out in order a batch at a time (`DocumentLoader.batches`).
///
/// A CSV or TSV export that can be streamed is: its documents are made as its rows are read, so an export of any
/// size is never held whole. A workbook's sheet is read whole, but its rows become documents a batch at a time
/// too. Any other input has been read whole, and its documents are handed out from memory.
public struct DocumentBatches {
    private enum Origin {
        case read(ReadResult)
        case stream(SurveyExportStream)
    }

    /// The most documents one batch holds.
    public let batchSize: Int
    private var origin: Origin

    init(read: ReadResult, batchSize: Int) {
        var reversed = read
        // Handed out from the end of a reversed list, so each batch leaves the list as it goes.
        reversed.documents.reverse()
        origin = .read(reversed)
        self.batchSize = batchSize
    }

    init(stream: SurveyExportStream, batchSize: Int) {
        origin = .stream(stream)
        self.batchSize = batchSize
    }

    /// Whether the documents are made a batch at a time (from a CSV or TSV file as it is read, or from a sheet's
    /// rows), rather than all read first.
    public var isStreamed: Bool {
        if case .stream = origin { return true }
        return false
    }

    /// The input's warnings; complete once `next` has returned nil.
    public var warnings: [Diagnostic] {
        switch origin {
        case .read(let read): return read.warnings
        case .stream(let stream): return stream.warnings
        }
    }

    /// The next batch of at most `batchSize` documents, or nil when there are no more. Throws only for a streamed
    /// export, when its table is unusable or its file cannot be read further.
    public mutating func next() throws(IngestionError) -> [Document]? {
        switch origin {
        case .read(var read):
            guard !read.documents.isEmpty else { return nil }
            // The enum lets go of its copy while the batch is taken, so the list is not copied.
            origin = .read(ReadResult(documents: []))
            var batch: [Document] = []
            batch.reserveCapacity(min(batchSize, read.documents.count))
            while batch.count < batchSize, let document = read.documents.popLast() { batch.append(document) }
            origin = .read(read)
            return batch
        case .stream(var stream):
            origin = .read(ReadResult(documents: []))
            defer { origin = .stream(stream) }
            return try stream.next(limit: batchSize)
        }
    }
}
