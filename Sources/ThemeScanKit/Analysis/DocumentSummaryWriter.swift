import Foundation

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
    private var file: (descriptor: Int32, path: String)?
    /// Records not yet written.
    private var buffer: [UInt8] = []
    /// Bytes already in the file.
    private var written = 0
    /// Where each written or buffered record starts, and where the last ends.
    private var offsets: [Int] = [0]
    /// The name lists of the records' metadata, and the last one looked up, held so that its identity stays its own.
    private var nameLists: [DocumentMetadata.Names] = []
    private var nameListPositions: [[String]: Int] = [:]
    private var lastNameList: (names: DocumentMetadata.Names, position: Int)?
    private static let bufferBytes = 1 << 20

    init(heldDocuments: Int, folder: String?) {
        self.heldDocuments = heldDocuments
        self.folder = folder
    }

    deinit {
        if let file { close(file.descriptor) }
    }

    /// How many summaries were added.
    var count: Int { file == nil ? held.count : offsets.count - 1 }

    func append(_ summary: DocumentSummary) throws(TextError) {
        guard file != nil || held.count >= heldDocuments else {
            held.append(summary)
            return
        }
        if file == nil {
            try open()
            for earlier in held { try write(earlier) }
            held = []
        }
        try write(summary)
    }

    /// The summaries added, in order; the writer is empty afterwards.
    func finish() throws(TextError) -> DocumentSummaries {
        guard let file else {
            defer { held = [] }
            return DocumentSummaries(held)
        }
        try flush()
        self.file = nil
        defer {
            offsets = [0]
            written = 0
            nameLists = []
            nameListPositions = [:]
            lastNameList = nil
        }
        return DocumentSummaries(
            file: DocumentSummaryFile(descriptor: file.descriptor, offsets: offsets, nameLists: nameLists))
    }

    private func write(_ summary: DocumentSummary) throws(TextError) {
        summary.appendRecord(to: &buffer, nameList: nameListPosition(of: summary.metadata))
        offsets.append(written + buffer.count)
        if buffer.count >= Self.bufferBytes { try flush() }
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

    /// Creates the file, readable by its owner only (the summaries quote case names and metadata), and removes it
    /// from its folder at once.
    private func open() throws(TextError) {
        let base = folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        let path = base.appendingPathComponent(".themescan-documents-\(UUID().uuidString)").path
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .documentsUnwritten(path: path, reason: String(cString: strerror(errno))) }
        unlink(path)
        file = (descriptor, path)
    }

    private func flush() throws(TextError) {
        guard let file, !buffer.isEmpty else { return }
        var done = 0
        while done < buffer.count {
            let wrote = buffer.withUnsafeBytes { Foundation.write(file.descriptor, $0.baseAddress! + done, $0.count - done) }
            if wrote > 0 {
                done += wrote
            } else if wrote < 0, errno == EINTR {
                continue
            } else {
                let reason = wrote == 0 ? "nothing written" : String(cString: strerror(errno))
                throw .documentsUnwritten(path: file.path, reason: reason)
            }
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
