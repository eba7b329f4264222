import Foundation

/// A CSV or TSV export in UTF-8 read a block at a time, so that an export of any size is never held whole.
///
/// Streaming is kept for files the whole-file reader would read as plain UTF-8 without a word: `open` reads the file
/// through once first, and gives nil when anything would need that reader's judgement or its messages (another
/// encoding or a BOM other than UTF-8's, invalid UTF-8, NUL bytes, a start that does not look like text, a quoted
/// field that never closes, a record larger than the file size limit). `nextRows` then reads it again, handing on
/// its records as each block completes them, with the line ends and record numbers the whole-file reader gives.
struct DelimitedTextFile {
    static let defaultBlockBytes = 1 << 20
    /// How much of the file's start the delimiter is sniffed from and judged as text by, whatever the block size:
    /// the whole-file reader looks at the first 50 records and 64 Ki characters, which this covers but for
    /// records of 80 KB on average.
    static let headBytes = 4 << 20
    private static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    let path: String
    let delimiter: Unicode.Scalar
    /// What the delimiter sniffing has to say (a delimiter the format does not lead one to expect).
    let warnings: [Diagnostic]
    private let blockBytes: Int
    private var file: RegularFile?
    private var scanner: CSVRecordScanner
    private var normalizer = LineEndNormalizer()
    private var block: [UInt8]
    private var recordCount = 0
    private var atStart = true

    /// The export at `path` ready to stream, or nil when it must be read whole (see the type's description).
    static func open(
        path: String, format: DocumentFormat, options: IngestionOptions, blockBytes: Int = defaultBlockBytes
    ) -> DelimitedTextFile? {
        if let encoding = options.encoding, TextDecoder.canonicalName(encoding) != "UTF-8" { return nil }
        guard let file = try? RegularFile(path: path) else { return nil }
        // Room for the head, and for the bytes of a character cut by a block's end before the next block.
        var block = [UInt8](repeating: 0, count: max(blockBytes, Self.headBytes) + 3)
        // Bytes of a character cut by the end of the last block, put before the next one.
        var carried: [UInt8] = []
        var scanner: CSVRecordScanner?
        var normalizer = LineEndNormalizer()
        var sniffed: (delimiter: Unicode.Scalar, warnings: [Diagnostic])?
        var first = true
        while true {
            block.replaceSubrange(0..<carried.count, with: carried)
            let wanted = first ? max(blockBytes, Self.headBytes) : blockBytes
            guard let got = try? file.read(into: &block, at: carried.count, upTo: wanted) else { return nil }
            let atEnd = got == 0
            if atEnd && first { return nil }
            let count = carried.count + got
            var start = 0
            if first {
                let head = Array(block.prefix(min(count, 4)))
                if head.starts(with: Self.utf8ByteOrderMark) {
                    start = 3
                } else if TextDecoder.byteOrderMark(of: head) != nil {
                    return nil
                }
            }
            // A character cut by the end of the block is finished by the next one; at the end, nothing is left to
            // finish it, and the check below fails.
            let end = atEnd ? count : Self.endOfWholeCharacters(in: block, count: count)
            carried = Array(block[end..<count])
            let valid = block.withUnsafeBufferPointer { buffer -> Bool in
                let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
                guard let base = piece.baseAddress, !piece.isEmpty else { return true }
                return memchr(base, 0, piece.count) == nil && String(validating: piece, as: UTF8.self) != nil
            }
            guard valid else { return nil }
            let length = block.withUnsafeMutableBufferPointer { buffer in
                normalizer.normalize(UnsafeBufferPointer(rebasing: buffer[start..<end]), into: buffer.baseAddress! + start)
            }
            if first {
                first = false
                let head = String(decoding: block[start..<start + length], as: UTF8.self)
                guard (try? TextDecoder.refuseBinary(head, bytes: [], path: path)) != nil, !head.isEmpty else { return nil }
                sniffed = DelimitedTextReader.delimiter(of: head, format: format, path: path)
                scanner = CSVRecordScanner(delimiter: UInt8(ascii: sniffed!.delimiter))
            }
            let going = block.withUnsafeBufferPointer { buffer in
                scanner!.scan(UnsafeBufferPointer(rebasing: buffer[start..<start + length])) { _ in true }
            }
            guard going, scanner!.largestRecordBytes <= options.maximumFileBytes else { return nil }
            if atEnd {
                guard carried.isEmpty, scanner!.finish(onRecord: { _ in true }) == nil else { return nil }
                break
            }
        }
        guard let sniffed, let reopened = try? RegularFile(path: path) else { return nil }
        return DelimitedTextFile(
            path: path, delimiter: sniffed.delimiter, warnings: sniffed.warnings, blockBytes: blockBytes, file: reopened)
    }

    private init(path: String, delimiter: Unicode.Scalar, warnings: [Diagnostic], blockBytes: Int, file: RegularFile) {
        self.path = path
        self.delimiter = delimiter
        self.warnings = warnings
        self.blockBytes = blockBytes
        self.file = file
        scanner = CSVRecordScanner(delimiter: UInt8(ascii: delimiter))
        block = [UInt8](repeating: 0, count: max(blockBytes, 3))
    }

    /// The rows the next block completes (perhaps none), or nil once the file is done. Numbers count records
    /// from 1, the header included. Throws when the file cannot be read, or has changed since it was checked so
    /// that it ends inside a quoted field.
    mutating func nextRows() throws(IngestionError) -> [SpreadsheetRow]? {
        guard let file else { return nil }
        var rows: [SpreadsheetRow] = []
        var count = 0
        do {
            count = try file.read(into: &block, at: 0, upTo: blockBytes)
            // The first block holds the whole of a BOM, however small the blocks.
            while atStart, count > 0, count < 3 {
                let more = try file.read(into: &block, at: count, upTo: 1)
                if more == 0 { break }
                count += more
            }
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        var start = 0
        if atStart {
            atStart = false
            if block.prefix(min(count, 3)).elementsEqual(Self.utf8ByteOrderMark) { start = 3 }
        }
        let recordCount = self.recordCount
        func add(_ record: CSVRecord) -> Bool {
            rows.append(SpreadsheetRow(number: recordCount + rows.count + 1, line: record.line, cells: record.fields))
            return true
        }
        if count == 0 {
            self.file = nil
            if let opened = scanner.finish(onRecord: add) {
                throw .malformed(
                    at: SourceLocation(path: path, line: opened),
                    reason: "the file changed while it was read: the quoted field opened on line \(opened) never ends")
            }
        } else {
            block.withUnsafeMutableBufferPointer { buffer in
                let length = normalizer.normalize(
                    UnsafeBufferPointer(rebasing: buffer[start..<count]), into: buffer.baseAddress! + start)
                _ = scanner.scan(UnsafeBufferPointer(rebasing: buffer[start..<start + length]), onRecord: add)
            }
        }
        self.recordCount += rows.count
        return rows.isEmpty && self.file == nil ? nil : rows
    }

    /// Where the last character wholly inside `block[..<count]` ends: before a lead byte whose sequence runs past
    /// the end, else at the end.
    private static func endOfWholeCharacters(in block: [UInt8], count: Int) -> Int {
        var index = count - 1
        while index >= 0, index > count - 4, block[index] & 0xC0 == 0x80 { index -= 1 }
        guard index >= 0 else { return count }
        let lead = block[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return index + length > count ? index : count
    }
}
