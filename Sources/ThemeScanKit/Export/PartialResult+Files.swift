import Foundation

extension PartialResult {
    /// The partial result as JSON, keys sorted so equal results are equal bytes.
    public func encoded() -> String {
        jsonFileText()
    }

    /// Reads the `partial.json` of a shard's output folder.
    public static func read(folder: String) throws(MergeError) -> PartialResult {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName).path
        guard FileManager.default.fileExists(atPath: path) else { throw .notAPartial(folder: folder) }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            // The version first: another version's fields may differ, and its shards are refused for their version.
            let format = try JSONDecoder().decode(FormatVersion.self, from: data).format
            guard format == currentFormat else { throw MergeError.unsupportedFormat(folder: folder, found: format) }
            return try JSONDecoder().decode(PartialResult.self, from: data)
        } catch let error as MergeError {
            throw error
        } catch let error as DecodingError {
            throw .unreadable(folder: folder, reason: "\(fileName) is not a partial result (\(Self.describe(error)))")
        } catch {
            throw .unreadable(folder: folder, reason: fileErrorReason(error))
        }
    }

    /// Reads the `partial.json` of every shard's folder, in the order given.
    ///
    /// The shards of one run carry equal codebook outlines, and a large codebook's outline takes megabytes once
    /// decoded. Each outline equal to the first one read is replaced by it, so that they share its storage and
    /// hundreds of shards hold one outline. (`MergedRun.checked(_:)` refuses shards whose outlines differ.)
    public static func read(folders: [String]) throws(MergeError) -> [(folder: String, result: PartialResult)] {
        var results: [(folder: String, result: PartialResult)] = []
        for folder in folders {
            var result = try read(folder: folder)
            if let first = results.first?.result.outline, result.outline == first { result.outline = first }
            results.append((folder, result))
        }
        return results
    }

    /// The one field every version of `partial.json` has.
    private struct FormatVersion: Decodable {
        var format: Int
    }

    /// Where a JSON file failed to decode, and why, in a few words.
    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "no \(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "at \(path): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

extension MergedRun {
    /// The tables of the combined run, made as the shards' options ask.
    public var tables: RunTables {
        RunTables(codebook: codebook, documents: documents, tally: tally, options: options)
    }

    /// Combines the shards in their folders, as `checked(_:)` gives them: reads each shard's
    /// `partial-documents.bin` as it goes, and copies the documents' rows of the shards' `matches.csv` to
    /// `matchesPath` in the order of a single run. Sets summaries and cases aside in `setAsideFolder`, as
    /// `init(shards:setAsideFolder:heldDocuments:heldCaseBytes:heldFinishedCaseBytes:nextDocument:handOn:)` does.
    public init(
        shards: [(folder: String, result: PartialResult)], setAsideFolder: String?, matchesPath: String,
        heldDocuments: Int = 4096, heldCaseBytes: Int = 8 << 20
    ) throws {
        let blockSize = Self.readBlockSize(shardCount: shards.count)
        var readers: [PartialDocumentReader] = []
        for shard in shards { readers.append(try PartialDocumentReader(folder: shard.folder, blockSize: blockSize)) }
        let matches = try MergedMatchesWriter(
            folders: shards.map(\.folder), path: matchesPath,
            byteOrderMark: shards.first?.result.options.excelCSV ?? false, blockSize: blockSize)
        try self.init(
            shards: shards, setAsideFolder: setAsideFolder, heldDocuments: heldDocuments, heldCaseBytes: heldCaseBytes,
            nextDocument: { index throws(MergeError) in try readers[index].next() },
            handOn: { index, document in try matches.copy(document.matchRowCount, from: index) })
        try matches.finish()
    }

    /// How many bytes of each of a shard's two files are read at a time: a megabyte for up to 16 shards, less for
    /// more, so that the blocks of all shards stay within 32 MB, but never under 64 KB.
    static func readBlockSize(shardCount: Int) -> Int {
        min(1 << 20, max(64 << 10, (32 << 20) / max(1, 2 * shardCount)))
    }
}
