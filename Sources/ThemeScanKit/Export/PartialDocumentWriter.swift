import Foundation

/// Writes a shard's documents to `partial-documents.bin` as the run hands them on, a record each
/// (`PartialDocument.appendRecord(to:)`) after its length, so that a shard holds none of them (see `PartialResult`).
public final class PartialDocumentWriter {
    /// The first bytes of the file, so that another file is told apart at once.
    static let magic = Array("themescan partial documents\n".utf8)

    private let file: DirectFileWriter
    private let path: String
    private var record: [UInt8] = []
    private var bytes: [UInt8] = []
    /// How many documents were written.
    public private(set) var count = 0

    /// Creates the file (replacing one there); messages name it as `displayPath`, such as `out/partial-documents.bin`
    /// for a file written in a hidden staging folder.
    public init(path: String, displayPath: String? = nil) throws(OutputError) {
        self.path = displayPath ?? path
        do {
            file = try DirectFileWriter(path: path)
            try file.write(Self.magic)
        } catch {
            throw .writeFailed(path: self.path, reason: "cannot create the file: \(error.reason)")
        }
    }

    public func append(_ document: PartialDocument) throws(OutputError) {
        record.removeAll(keepingCapacity: true)
        document.appendRecord(to: &record)
        bytes.removeAll(keepingCapacity: true)
        SevenBitNumber.append(record.count, to: &bytes)
        bytes += record
        do { try file.write(bytes) } catch { throw .writeFailed(path: path, reason: error.reason) }
        count += 1
    }

    /// Writes what is buffered and closes the file once it is on disk, as every output file is.
    public func close() throws(OutputError) {
        do { try file.close(synchronizing: true) } catch { throw .writeFailed(path: path, reason: error.reason) }
    }
}
