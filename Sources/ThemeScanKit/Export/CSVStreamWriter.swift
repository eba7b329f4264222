import Foundation

/// Writes a CSV file record by record, for tables too large to hold, such as every match of a large run.
///
/// Records are rendered exactly as `CSVTable.rendered()` renders them, so a streamed file and a rendered table
/// with the same rows are the same bytes.
///
/// Calls from different threads are taken one at a time: the corpus analyzer's workers write the rows of the
/// document next due while the task that writes results in order waits for it (`CorpusAnalyzer.matchesFile`), and
/// the lock makes what each wrote visible to the other. The order of the rows is the callers' to keep.
public final class CSVStreamWriter: @unchecked Sendable {
    /// Buffers what it is given, so rows are handed on as they come rather than gathered here first.
    private let file: DirectFileWriter
    private let path: String
    private let lock = NSLock()

    /// Creates the file (replacing one there) and writes the header, after a UTF-8 byte order mark when asked
    /// (`CSVTable.byteOrderMark`). Messages name the file as `displayPath`, such as `out/matches.csv` for a file
    /// written in a hidden staging folder. `direct: false` writes through the page cache even where the file
    /// system could do without (`DirectFileWriter`).
    public init(
        path: String, header: [String], byteOrderMark: Bool = false, displayPath: String? = nil, direct: Bool = true
    ) throws(OutputError) {
        self.path = displayPath ?? path
        do {
            file = try DirectFileWriter(path: path, direct: direct)
        } catch {
            throw .writeFailed(path: displayPath ?? path, reason: "cannot create the file: \(error.reason)")
        }
        var opening = byteOrderMark ? CSVTable.byteOrderMark : []
        CSVTable.appendRow(header, to: &opening)
        try append(rendered: opening)
    }

    /// Whether the file is written past the page cache.
    var isDirect: Bool { file.isDirect }

    public func append(_ row: [String]) throws(OutputError) {
        var bytes: [UInt8] = []
        CSVTable.appendRow(row, to: &bytes)
        try append(rendered: bytes)
    }

    /// Appends records already rendered as CSV bytes (see `MatchRowRenderer`).
    public func append(rendered bytes: [UInt8]) throws(OutputError) {
        lock.lock()
        defer { lock.unlock() }
        do { try file.write(bytes) } catch { throw .writeFailed(path: path, reason: error.reason) }
    }

    /// Appends the rows a document set aside in a temporary file (`DocumentAnalysis.spilledMatchRows`), then
    /// removes the file.
    public func append(movingRowsFrom path: String) throws(OutputError) {
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = open(path, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else {
            throw .writeFailed(path: self.path, reason: "the set-aside rows in \(path) are gone")
        }
        defer { Foundation.close(source) }
        lock.lock()
        defer { lock.unlock() }
        do { try file.append(contentsOf: source) } catch { throw .writeFailed(path: self.path, reason: error.reason) }
    }

    /// Writes what is buffered, waits until the file is on disk, and closes it.
    public func close() throws(OutputError) {
        lock.lock()
        defer { lock.unlock() }
        do { try file.close(synchronizing: true) } catch { throw .writeFailed(path: path, reason: error.reason) }
    }
}
