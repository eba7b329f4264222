import Dispatch
import Foundation

/// Reads a shard's `partial-documents.jsonl` a few documents at a time, a block of the file at a time, so that
/// `merge` holds a few documents of each shard (see `PartialResult`).
///
/// The lines of a batch are decoded on every core at once: decoding JSON was over half of `merge`'s time, on one
/// core, while the documents are combined in order.
struct PartialDocumentReader {
    private var records: CSVRecordReader
    private let folder: String
    /// Decoded documents not yet given, in reverse order, and what comes after them: nil (more lines), the end of
    /// the file or a failure.
    private var decoded: [PartialDocument] = []
    private var after: Result<Void, MergeError>?
    /// How many lines were read.
    private var linesRead = 0
    /// How many lines a batch decodes at once.
    private let batchSize: Int

    init(folder: String, batchSize: Int = 16) throws(MergeError) {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(PartialResult.documentsFileName).path
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadable(folder: folder, reason: "\(PartialResult.documentsFileName) is missing")
        }
        records = try CSVRecordReader(path: path, quoted: false)
        self.folder = folder
        self.batchSize = batchSize
    }

    /// The next document, or nil after the last.
    mutating func next() throws(MergeError) -> PartialDocument? {
        if decoded.isEmpty, after == nil { try readBatch() }
        if let document = decoded.popLast() { return document }
        try after?.get()
        return nil
    }

    func close() {
        records.close()
    }

    /// Reads up to `batchSize` lines and decodes them; a line that fails ends the documents there, with its failure.
    private mutating func readBatch() throws(MergeError) {
        var lines: [[UInt8]] = []
        while lines.count < batchSize {
            var line: [UInt8] = []
            guard try records.copyRecords(1, to: &line) else {
                after = line.isEmpty ? .success(()) : .failure(failure("ends inside a document: the shard's run was cut short"))
                break
            }
            lines.append(line)
        }
        let firstLine = linesRead + 1
        linesRead += lines.count
        var results = [Result<PartialDocument, MergeError>?](repeating: nil, count: lines.count)
        let (folder, batch) = (folder, lines)
        results.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let results = results
            DispatchQueue.concurrentPerform(iterations: lines.count) { index in
                results[index] = Self.decode(batch[index], lineNumber: firstLine + index, folder: folder)
            }
        }
        for result in results {
            switch result! {
            case .success(let document):
                decoded.append(document)
            case .failure(let error):
                after = .failure(error)
                decoded.reverse()
                return
            }
        }
        decoded.reverse()
    }

    private static func decode(_ line: [UInt8], lineNumber: Int, folder: String) -> Result<PartialDocument, MergeError> {
        do {
            return .success(try JSONDecoder().decode(PartialDocument.self, from: Data(line)))
        } catch let error as DecodingError {
            return .failure(
                failure("line \(lineNumber) is not a document of a partial result (\(PartialResult.describe(error)))", folder: folder))
        } catch {
            return .failure(failure("line \(lineNumber): \(error)", folder: folder))
        }
    }

    /// Why the file cannot be merged, naming it.
    private func failure(_ reason: String) -> MergeError {
        Self.failure(reason, folder: folder)
    }

    private static func failure(_ reason: String, folder: String) -> MergeError {
        .unreadable(folder: folder, reason: "\(PartialResult.documentsFileName) \(reason)")
    }
}
