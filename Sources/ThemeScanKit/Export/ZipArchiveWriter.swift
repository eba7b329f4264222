import Foundation
import ZIPFoundation

/// Writes a zip archive whose bytes depend only on its entries: the same entries always give the same file.
///
/// Entries are deflated and stored in the order given, each with the same fixed date (1980-01-01 00:00, the
/// earliest a zip can hold) and permissions, so no clock or umask reaches the archive. The archive is built in a
/// hidden file beside the target and renamed into place when complete (see `OutputFile`).
public enum ZipArchiveWriter {
    /// The modification date of every entry: the zip format's epoch.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    public static func write(_ entries: [QDAArchiveEntry], to path: String) throws(OutputError) {
        try OutputFile(path: path).write { url in
            try add(entries, to: try Archive(url: url, accessMode: .create))
        }
    }

    /// The archive's bytes, built in memory; the same bytes `write(_:to:)` puts in a file.
    public static func bytes(_ entries: [QDAArchiveEntry]) throws -> [UInt8] {
        try bytes { try $0.add(entries) }
    }

    /// The bytes of an archive of the entries `produce` hands to the sink, in that order. Each entry is deflated
    /// into the archive as it comes, so its bytes can be let go before the next one is made: the sheets of a
    /// workbook with a case per survey row run to hundreds of megabytes of XML.
    public static func bytes(_ produce: (ZipEntrySink) throws -> Void) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        try produce(ZipEntrySink(archive: archive))
        return [UInt8](archive.data ?? Data())
    }

    private static func add(_ entries: [QDAArchiveEntry], to archive: Archive) throws {
        try ZipEntrySink(archive: archive).add(entries)
    }
}
