import Foundation

/// Reads a CSV file written by themescan record by record, as the raw bytes of each record, a block at a time.
///
/// Merging copies shards' `matches.csv` rows verbatim, so rows are never parsed into fields and re-rendered, and a
/// file larger than memory is fine. Records end at a line feed outside quotes (RFC 4180 quoting), or at every line
/// feed for JSON Lines (`quoted: false`), whose strings escape both quotes and line feeds.
struct CSVRecordReader {
    private let handle: FileHandle
    private let path: String
    private let quoted: Bool
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private static let blockSize = 1 << 20

    init(path: String, quoted: Bool = true) throws(MergeError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(folder: path, reason: "cannot open the file")
        }
        self.handle = handle
        self.path = path
        self.quoted = quoted
    }

    /// Appends the next `count` records to `output`; false when the file ends first (or inside a record).
    mutating func copyRecords(_ count: Int, to output: inout [UInt8]) throws(MergeError) -> Bool {
        for _ in 0..<count {
            guard try copyRecord(to: &output) else { return false }
        }
        return true
    }

    /// Whether every record has been read.
    mutating func isFinished() throws(MergeError) -> Bool {
        if position == buffer.count { try refill() }
        return position == buffer.count
    }

    func close() {
        try? handle.close()
    }

    private mutating func copyRecord(to output: inout [UInt8]) throws(MergeError) -> Bool {
        var inQuotes = false
        while true {
            if position == buffer.count {
                try refill()
                if position == buffer.count { return false }
            }
            let start = position
            var ended = false
            while position < buffer.count {
                let byte = buffer[position]
                position += 1
                if byte == 0x22, quoted {
                    inQuotes.toggle()
                } else if byte == 0x0A, !inQuotes {
                    ended = true
                    break
                }
            }
            output.append(contentsOf: buffer[start..<position])
            if ended { return true }
        }
    }

    private mutating func refill() throws(MergeError) {
        guard !atEnd else { return }
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.blockSize)
        } catch {
            throw .unreadable(folder: path, reason: fileErrorReason(error))
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            buffer.removeAll()
            position = 0
            return
        }
        buffer = [UInt8](data)
        position = 0
    }
}
