import Foundation

/// Writes `matches.csv` of merged shards: the shards' rows copied verbatim, document by document in the order of a
/// single run, reading each shard's file once from start to end.
final class MergedMatchesWriter {
    private let folders: [String]
    private var readers: [CSVRecordReader] = []
    private let writer: CSVStreamWriter
    private var rows: [UInt8] = []

    /// Opens every shard's `matches.csv`, checking its header, and creates the merged file at `path`; each shard's
    /// file is read `blockSize` bytes at a time.
    init(folders: [String], path: String, byteOrderMark: Bool, blockSize: Int = 1 << 20) throws {
        self.folders = folders
        var header: [UInt8] = byteOrderMark ? CSVTable.byteOrderMark : []
        CSVTable.appendRow(AnalysisResult.matchesHeader, to: &header)
        for folder in folders {
            var reader = try CSVRecordReader(
                path: URL(fileURLWithPath: folder).appendingPathComponent("matches.csv").path, blockSize: blockSize)
            var found: [UInt8] = []
            guard try reader.copyRecords(1, to: &found), found == header else {
                throw MergeError.unreadable(folder: folder, reason: "matches.csv does not start with the matches header")
            }
            readers.append(reader)
        }
        writer = try CSVStreamWriter(path: path, header: AnalysisResult.matchesHeader, byteOrderMark: byteOrderMark)
    }

    /// Copies the next `count` rows of shard `shard`'s file.
    func copy(_ count: Int, from shard: Int) throws {
        guard count > 0 else { return }
        rows.removeAll(keepingCapacity: true)
        guard try readers[shard].copyRecords(count, to: &rows) else {
            throw MergeError.unreadable(
                folder: folders[shard], reason: "matches.csv has fewer rows than \(PartialResult.documentsFileName) counts")
        }
        try writer.append(rendered: rows)
    }

    /// Checks that every shard's rows were copied, and closes the merged file once it is on disk.
    func finish() throws {
        for index in readers.indices where try !readers[index].isFinished() {
            throw MergeError.unreadable(
                folder: folders[index], reason: "matches.csv has more rows than \(PartialResult.documentsFileName) counts")
        }
        try writer.close()
    }
}
