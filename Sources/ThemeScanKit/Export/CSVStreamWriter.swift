import CPlatform
import Foundation

/// Writes a CSV file record by record, for tables too large to hold, such as every match of a large run.
///
/// Records are rendered exactly as `CSVTable.rendered()` renders them, so a streamed file and a rendered table
/// with the same rows are the same bytes.
public final class CSVStreamWriter {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private static let flushThreshold = 1 << 20
    /// Where the file has not yet been handed to the disk, and how much has been written since.
    private var writebackStart: Int64 = 0
    private var writtenSinceWriteback = 0
    /// The writer starts the disk on what it wrote every this many bytes. `close` waits until the file is on disk,
    /// and a large file left to the end kept the run waiting for all of it at once.
    private static let writebackInterval = 32 << 20

    /// Creates the file (replacing one there) and writes the header, after a UTF-8 byte order mark when asked
    /// (`CSVTable.byteOrderMark`). Messages name the file as `displayPath`, such as `out/matches.csv` for a file
    /// written in a hidden staging folder.
    public init(path: String, header: [String], byteOrderMark: Bool = false, displayPath: String? = nil) throws(OutputError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw .writeFailed(path: displayPath ?? path, reason: "cannot create the file") }
        self.handle = handle
        self.path = displayPath ?? path
        buffer.reserveCapacity(Self.flushThreshold + 4096)
        if byteOrderMark { buffer += CSVTable.byteOrderMark }
        CSVTable.appendRow(header, to: &buffer)
    }

    deinit {
        try? handle.close()
    }

    public func append(_ row: [String]) throws(OutputError) {
        CSVTable.appendRow(row, to: &buffer)
        if buffer.count >= Self.flushThreshold { try flush() }
    }

    /// Appends records already rendered as CSV bytes (see `MatchRowRenderer`).
    public func append(rendered bytes: [UInt8]) throws(OutputError) {
        guard bytes.count >= Self.flushThreshold else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.flushThreshold { try flush() }
            return
        }
        // A document's rows are often megabytes: written as they are rather than copied into the buffer first.
        try flush()
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw .writeFailed(path: path, reason: fileErrorReason(error))
        }
        wrote(bytes.count)
    }

    /// Appends the rows a document set aside in a temporary file (`DocumentAnalysis.spilledMatchRows`), a block at
    /// a time, then removes the file.
    public func append(movingRowsFrom path: String) throws(OutputError) {
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let source = FileHandle(forReadingAtPath: path) else {
            throw .writeFailed(path: self.path, reason: "the set-aside rows in \(path) are gone")
        }
        defer { try? source.close() }
        try flush()
        // Copied inside the kernel where it can: the rows of one huge document can be hundreds of megabytes, and
        // reading them into this process to write them back cost a second copy.
        switch cplatform_append_file(source.fileDescriptor, handle.fileDescriptor) {
        case 0:
            // The kernel does not say how much it copied; a set-aside file is tens of megabytes at least, so the
            // disk is started on it now.
            wrote(Self.writebackInterval)
            return
        case -1: break
        case let failure: throw .writeFailed(path: self.path, reason: String(cString: strerror(failure)))
        }
        do {
            while let block = try source.read(upToCount: Self.flushThreshold), !block.isEmpty {
                try handle.write(contentsOf: block)
                wrote(block.count)
            }
        } catch {
            throw .writeFailed(path: self.path, reason: fileErrorReason(error))
        }
    }

    /// Writes what is buffered and closes the file.
    public func close() throws(OutputError) {
        try flush()
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw .writeFailed(path: path, reason: fileErrorReason(error))
        }
    }

    private func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw .writeFailed(path: path, reason: fileErrorReason(error))
        }
        wrote(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Counts written bytes, and starts the disk on them once there are enough.
    private func wrote(_ count: Int) {
        writtenSinceWriteback += count
        guard writtenSinceWriteback >= Self.writebackInterval else { return }
        writebackStart = Int64(cplatform_start_writeback(handle.fileDescriptor, writebackStart))
        writtenSinceWriteback = 0
    }
}
