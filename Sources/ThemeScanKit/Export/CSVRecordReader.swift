import Foundation

/// Reads a CSV file written by themescan record by record, as the raw bytes of each record, a block at a time.
///
/// Merging copies shards' `matches.csv` rows verbatim, so rows are never parsed into fields and re-rendered, and a
/// file larger than memory is fine. Records end at a line feed outside quotes (RFC 4180 quoting).
struct CSVRecordReader {
    private var file: FileBlockReader
    private var buffer: [UInt8] = []
    private var position = 0

    /// Opens the file; `blockSize` is how many bytes are read at a time (tests make it small).
    init(path: String, blockSize: Int = 1 << 20) throws(MergeError) {
        do {
            file = try FileBlockReader(path: path, folder: path, blockSize: blockSize)
        } catch {
            throw .unreadable(folder: path, reason: error.reason)
        }
    }

    /// Appends the next `count` records to `output`; false when the file ends first (or inside a record).
    ///
    /// Line feeds and quotes are found with `memchr`, which looks at many bytes at a time: a byte-at-a-time scan had
    /// made copying the rows of merged shards a third of `merge`'s time.
    mutating func copyRecords(_ count: Int, to output: inout [UInt8]) throws(MergeError) -> Bool {
        var remaining = count
        var inQuotes = false
        while remaining > 0 {
            if position == buffer.count {
                try refill()
                if position == buffer.count { return false }
            }
            let start = position
            position = buffer.withUnsafeBufferPointer { bytes in
                Self.recordEnds(in: bytes, from: start, remaining: &remaining, inQuotes: &inQuotes)
            }
            output.append(contentsOf: buffer[start..<position])
        }
        return true
    }

    /// Where the scan of `bytes` from `start` stops: after the `remaining`-th record end (counted down), or at the
    /// end of the bytes.
    private static func recordEnds(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, remaining: inout Int, inQuotes: inout Bool
    ) -> Int {
        let base = bytes.baseAddress!
        var index = start
        while index < bytes.count, remaining > 0 {
            let lineEnd = memchr(base + index, 0x0A, bytes.count - index).map {
                UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base + 1
            }
            let stop = lineEnd ?? bytes.count
            var cursor = index
            while cursor < stop, let quote = memchr(base + cursor, 0x22, stop - cursor) {
                inQuotes.toggle()
                cursor = UnsafePointer(quote.assumingMemoryBound(to: UInt8.self)) - base + 1
            }
            guard let lineEnd else { return bytes.count }
            index = lineEnd
            if !inQuotes { remaining -= 1 }
        }
        return index
    }

    /// Whether every record has been read.
    mutating func isFinished() throws(MergeError) -> Bool {
        if position == buffer.count { try refill() }
        return position == buffer.count
    }

    /// Replaces the buffer, all of it read, with the next block; empty at the end of the file.
    private mutating func refill() throws(MergeError) {
        buffer = try file.next() ?? []
        position = 0
    }
}
