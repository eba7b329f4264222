import Foundation

/// Reads a shard's `partial-documents.jsonl` a document at a time, a block of the file at a time, so that `merge`
/// holds one document of each shard (see `PartialResult`).
struct PartialDocumentReader {
    private var records: CSVRecordReader
    private let folder: String
    private let decoder = JSONDecoder()
    private var line: [UInt8] = []
    /// The line of the document read last.
    private(set) var lineNumber = 0

    init(folder: String) throws(MergeError) {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(PartialResult.documentsFileName).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadable(folder: folder, reason: "\(PartialResult.documentsFileName) is missing")
        }
        records = try CSVRecordReader(path: path, quoted: false)
        self.folder = folder
    }

    /// The next document, or nil after the last.
    mutating func next() throws(MergeError) -> PartialDocument? {
        line.removeAll(keepingCapacity: true)
        guard try records.copyRecords(1, to: &line) else {
            guard line.isEmpty else { throw failure("ends inside a document: the shard's run was cut short") }
            return nil
        }
        lineNumber += 1
        do {
            return try decoder.decode(PartialDocument.self, from: Data(line))
        } catch let error as DecodingError {
            throw failure("line \(lineNumber) is not a document of a partial result (\(PartialResult.describe(error)))")
        } catch {
            throw failure("line \(lineNumber): \(error)")
        }
    }

    func close() {
        records.close()
    }

    /// Why the file cannot be merged, naming it.
    func failure(_ reason: String) -> MergeError {
        .unreadable(folder: folder, reason: "\(PartialResult.documentsFileName) \(reason)")
    }
}
