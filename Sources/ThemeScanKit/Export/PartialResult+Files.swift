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
            return try JSONDecoder().decode(PartialResult.self, from: data)
        } catch let error as DecodingError {
            throw .unreadable(folder: folder, reason: "\(fileName) is not a partial result (\(Self.describe(error)))")
        } catch {
            throw .unreadable(folder: folder, reason: fileErrorReason(error))
        }
    }

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
        RunTables(codebook: codebook, documents: DocumentSummaries(documents), tally: tally, options: options)
    }

    /// Writes `matches.csv` of the combined run: the shards' rows copied verbatim, document by document in the
    /// order of a single run, reading each shard's file once from start to end.
    public func writeMatches(to path: String) throws -> Void {
        var readers: [CSVRecordReader] = []
        defer { readers.forEach { $0.close() } }
        var header: [UInt8] = options.excelCSV ? CSVTable.byteOrderMark : []
        CSVTable.appendRow(AnalysisResult.matchesHeader, to: &header)
        for folder in folders {
            var reader = try CSVRecordReader(path: URL(fileURLWithPath: folder).appendingPathComponent("matches.csv").path)
            var found: [UInt8] = []
            guard try reader.copyRecords(1, to: &found), found == header else {
                throw MergeError.unreadable(folder: folder, reason: "matches.csv does not start with the matches header")
            }
            readers.append(reader)
        }
        let writer = try CSVStreamWriter(path: path, header: AnalysisResult.matchesHeader, byteOrderMark: options.excelCSV)
        var rows: [UInt8] = []
        for source in sources where source.rows > 0 {
            rows.removeAll(keepingCapacity: true)
            guard try readers[source.shard].copyRecords(source.rows, to: &rows) else {
                throw MergeError.unreadable(
                    folder: folders[source.shard], reason: "matches.csv has fewer rows than \(PartialResult.fileName) counts")
            }
            try writer.append(rendered: rows)
        }
        for (index, _) in readers.enumerated() where try !readers[index].isFinished() {
            throw MergeError.unreadable(
                folder: folders[index], reason: "matches.csv has more rows than \(PartialResult.fileName) counts")
        }
        try writer.close()
    }
}
