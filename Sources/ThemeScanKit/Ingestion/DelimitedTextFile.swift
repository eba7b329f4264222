import Foundation

/// A CSV or TSV export in UTF-8, or in the encoding given with --encoding, read a block at a time, so that an export
/// of any size is never held whole.
///
/// Streaming is kept for files the whole-file reader would read without a word: `open` reads the file through once
/// first, and gives nil when anything would need that reader's judgement or its messages (an encoding to find, a
/// byte order mark other than UTF-8's without --encoding, or any with it, invalid bytes, NUL bytes in UTF-8, a start
/// that does not look like text, a quoted field that never closes, a record larger than the file size limit). `nextRows` then reads it again, handing on
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
    /// The encoding the file is read in: UTF-8, or the one given with --encoding.
    let encoding: String
    /// What the delimiter sniffing has to say (a delimiter the format does not lead one to expect).
    let warnings: [Diagnostic]
    private let blockBytes: Int
    private var file: RegularFile?
    /// Converts the file's bytes to UTF-8 when it is in another encoding.
    private let converter: CharsetStream?
    private var scanner: CSVRecordScanner
    private var normalizer = LineEndNormalizer()
    private var block: [UInt8]
    private var recordCount = 0
    private var atStart = true

    /// The export at `path` ready to stream, or nil when it must be read whole (see the type's description).
    static func open(
        path: String, format: DocumentFormat, options: IngestionOptions, blockBytes: Int = defaultBlockBytes
    ) -> DelimitedTextFile? {
        // Given another charset (GB18030, Big5, UTF-16LE …) with --encoding, the file is converted as it is read;
        // without one, only UTF-8 is streamed: finding an encoding is the whole-file reader's judgement.
        var charset: String?
        if let encoding = options.encoding {
            guard let name = TextDecoder.canonicalName(encoding) else { return nil }
            if name != "UTF-8" { charset = name }
        }
        guard let file = try? RegularFile(path: path) else { return nil }
        let converter = charset.flatMap { CharsetStream(name: $0) }
        if charset != nil && converter == nil { return nil }
        // Room for the head, and for the bytes of a character cut by a block's end before the next block.
        var block = [UInt8](repeating: 0, count: max(blockBytes, Self.headBytes) + 3)
        // Bytes of a character cut by the end of the last block, put before the next one.
        var carried: [UInt8] = []
        var scanner: CSVRecordScanner?
        var normalizer = LineEndNormalizer()
        var sniffed: (delimiter: Unicode.Scalar, warnings: [Diagnostic])?
        var first = true
        /// Makes the line ends of a piece of UTF-8 LF in place, judges the file's start, and scans the piece.
        func check(_ piece: UnsafeMutableBufferPointer<UInt8>) -> Bool {
            let length = piece.baseAddress.map { normalizer.normalize(UnsafeBufferPointer(piece), into: $0) } ?? 0
            let normalized = UnsafeBufferPointer(rebasing: piece[..<length])
            if first {
                first = false
                let head = String(decoding: normalized, as: UTF8.self)
                guard (try? TextDecoder.refuseBinary(head, bytes: [], path: path)) != nil, !head.isEmpty else { return false }
                sniffed = DelimitedTextReader.delimiter(of: head, format: format, path: path)
                scanner = CSVRecordScanner(delimiter: UInt8(ascii: sniffed!.delimiter))
            }
            return scanner!.scan(normalized) { _ in true } && scanner!.largestRecordBytes <= options.maximumFileBytes
        }
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
                if charset == nil, head.starts(with: Self.utf8ByteOrderMark) {
                    start = 3
                } else if TextDecoder.byteOrderMark(of: head) != nil {
                    // A byte order mark wins over --encoding in the whole-file reader.
                    return nil
                }
            }
            if let converter {
                guard var converted = try? block.withUnsafeBufferPointer({ buffer throws(TextError) in
                    try converter.convert(UnsafeBufferPointer(rebasing: buffer[..<count]), last: atEnd)
                }), converter.invalidCount == 0 else { return nil }
                guard converted.withUnsafeMutableBufferPointer({ check($0) }) else { return nil }
            } else {
                // A character cut by the end of the block is finished by the next one; at the end, nothing is left
                // to finish it, and the check below fails.
                let end = atEnd ? count : Self.endOfWholeCharacters(in: block, count: count)
                carried = Array(block[end..<count])
                let valid = block.withUnsafeBufferPointer { buffer -> Bool in
                    let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
                    guard let base = piece.baseAddress, !piece.isEmpty else { return true }
                    return memchr(base, 0, piece.count) == nil && String(validating: piece, as: UTF8.self) != nil
                }
                guard valid, block.withUnsafeMutableBufferPointer({ check(UnsafeMutableBufferPointer(rebasing: $0[start..<end])) })
                else { return nil }
            }
            if atEnd {
                guard carried.isEmpty, scanner != nil, scanner!.finish(onRecord: { _ in true }) == nil else { return nil }
                break
            }
        }
        guard let sniffed, let reopened = try? RegularFile(path: path) else { return nil }
        let reading = charset.flatMap { CharsetStream(name: $0) }
        if charset != nil && reading == nil { return nil }
        return DelimitedTextFile(
            path: path, delimiter: sniffed.delimiter, encoding: charset ?? "UTF-8", warnings: sniffed.warnings,
            blockBytes: blockBytes, file: reopened, converter: reading)
    }

    private init(
        path: String, delimiter: Unicode.Scalar, encoding: String, warnings: [Diagnostic], blockBytes: Int,
        file: RegularFile, converter: CharsetStream?
    ) {
        self.path = path
        self.delimiter = delimiter
        self.encoding = encoding
        self.warnings = warnings
        self.blockBytes = blockBytes
        self.file = file
        self.converter = converter
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
            if converter == nil, block.prefix(min(count, 3)).elementsEqual(Self.utf8ByteOrderMark) { start = 3 }
        }
        let recordCount = self.recordCount
        func add(_ record: CSVRecord) -> Bool {
            rows.append(SpreadsheetRow(number: recordCount + rows.count + 1, line: record.line, cells: record.fields))
            return true
        }
        /// Makes the line ends of a piece of UTF-8 LF in place and scans it.
        func scan(_ piece: UnsafeMutableBufferPointer<UInt8>) {
            guard let base = piece.baseAddress else { return }
            let length = normalizer.normalize(UnsafeBufferPointer(piece), into: base)
            _ = scanner.scan(UnsafeBufferPointer(rebasing: piece[..<length]), onRecord: add)
        }
        if let converter {
            do {
                var converted = try block.withUnsafeBufferPointer { buffer throws(TextError) in
                    try converter.convert(UnsafeBufferPointer(rebasing: buffer[..<count]), last: count == 0)
                }
                converted.withUnsafeMutableBufferPointer { scan($0) }
            } catch {
                throw .malformed(at: SourceLocation(path: path), reason: "cannot decode as \(encoding): \(error)")
            }
        } else if count > 0 {
            block.withUnsafeMutableBufferPointer { scan(UnsafeMutableBufferPointer(rebasing: $0[start..<count])) }
        }
        if count == 0 {
            self.file = nil
            if let opened = scanner.finish(onRecord: add) {
                throw .malformed(
                    at: SourceLocation(path: path, line: opened),
                    reason: "the file changed while it was read: the quoted field opened on line \(opened) never ends")
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
