/// Writes a zip archive whose bytes depend only on its entries: the same entries always give the same file.
///
/// Entries are deflated and stored in the order given, each with the same fixed date (1980-01-01 00:00, the
/// earliest a zip can hold) and permissions, so no clock or umask reaches the archive (see `ZipEntrySink`). A file
/// is written whole once the archive is complete, through a hidden file beside it (see `OutputFile`).
public enum ZipArchiveWriter {
    public static func write(_ entries: [QDAArchiveEntry], to path: String) throws(OutputError) {
        let archive: [UInt8]
        do {
            archive = try bytes(entries)
        } catch {
            throw .writeFailed(path: path, reason: "\(error)")
        }
        try OutputFile(path: path).write(archive)
    }

    /// The archive's bytes, built in memory; the same bytes `write(_:to:)` puts in a file.
    public static func bytes(_ entries: [QDAArchiveEntry]) throws -> [UInt8] {
        try bytes { try $0.add(entries) }
    }

    /// The bytes of an archive of the entries `produce` hands to the sink, in that order (see `write(_:to:)`).
    public static func bytes(_ produce: (ZipEntrySink) throws -> Void) throws -> [UInt8] {
        var archive: [UInt8] = []
        try write(produce) { archive += $0 }
        return archive
    }

    /// Builds an archive of the entries `produce` hands to the sink, in that order, and hands its bytes to `emit`
    /// a piece at a time as they are made. Each entry is deflated as it comes, so its bytes can be let go before
    /// the next one is made, and the archive is never whole in memory: the sheets of a workbook with a case per
    /// survey row run to hundreds of megabytes of XML, and the workbook to a hundred megabytes.
    public static func write(_ produce: (ZipEntrySink) throws -> Void, to emit: ([UInt8]) throws -> Void) throws {
        try withoutActuallyEscaping(emit) { emit in
            let sink = ZipEntrySink(emit: emit)
            try produce(sink)
            try sink.finish()
        }
    }
}
