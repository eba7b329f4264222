import Foundation

/// Writes a shard's documents to `partial-documents.jsonl` as the run hands them on, one JSON object a line, so
/// that a shard holds none of them (see `PartialResult`).
///
/// Keys are sorted, so equal documents are equal bytes. JSON escapes every line feed inside a string, so a line
/// feed always ends a document.
public final class PartialDocumentWriter {
    private let file: DirectFileWriter
    private let path: String
    private let encoder: JSONEncoder
    /// How many documents were written.
    public private(set) var count = 0

    /// Creates the file (replacing one there); messages name it as `displayPath`, such as `out/partial-documents.jsonl`
    /// for a file written in a hidden staging folder.
    public init(path: String, displayPath: String? = nil) throws(OutputError) {
        self.path = displayPath ?? path
        do {
            file = try DirectFileWriter(path: path)
        } catch {
            throw .writeFailed(path: self.path, reason: "cannot create the file: \(error.reason)")
        }
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public func append(_ document: PartialDocument) throws(OutputError) {
        // A document holds only strings, numbers and collections of them, which always encode.
        var line = [UInt8](try! encoder.encode(document))
        line.append(0x0A)
        do { try file.write(line) } catch { throw .writeFailed(path: path, reason: error.reason) }
        count += 1
    }

    /// Writes what is buffered and closes the file once it is on disk, as every output file is.
    public func close() throws(OutputError) {
        do { try file.close(synchronizing: true) } catch { throw .writeFailed(path: path, reason: error.reason) }
    }
}
