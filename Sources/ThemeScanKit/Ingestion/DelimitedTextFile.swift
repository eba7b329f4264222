import Foundation

/// A CSV or TSV export in UTF-8, in the encoding given with --encoding, or in the one the whole-file reader would
/// find for it (GB18030, Big5 …), read a block at a time, so that an export of any size is never held whole.
///
/// Streaming is kept for files the whole-file reader would read as this reads them: `open` reads the file through
/// once first, and gives nil when anything would need that reader's judgement or its messages (UTF-8 to repair, a
/// byte order mark other than UTF-8's without --encoding, or any with it, invalid bytes, NUL bytes but in a given
/// charset, a start that does not look like text, a quoted field that never closes, a record larger than the file
/// size limit). A file that is not UTF-8 is checked a second time, in the encoding found from its start.
/// `nextRows` then reads it again, handing on its records as each block completes them, with the line ends and
/// record numbers the whole-file reader gives. Both passes read through `NormalizedBlockReader`.
struct DelimitedTextFile: SurveyRowSource {
    static let defaultBlockBytes = 1 << 20
    /// How much of the file's start the delimiter is sniffed from and judged as text by, whatever the block size:
    /// the whole-file reader looks at the first 50 records and 64 Ki characters, which this covers but for
    /// records of 80 KB on average.
    static let headBytes = 4 << 20

    let path: String
    let delimiter: Unicode.Scalar
    /// The encoding the file is read in: UTF-8, the one given with --encoding, or the one found.
    let encoding: String
    /// The note (or warning) naming an encoding found, then what the delimiter sniffing has to say (a delimiter
    /// the format does not lead one to expect), as the whole-file reader orders them.
    let warnings: [Diagnostic]
    private var reader: NormalizedBlockReader
    private var scanner: CSVRecordScanner
    private var recordCount = 0
    private var done = false

    /// The export at `path` ready to stream, or nil when it must be read whole (see the type's description).
    static func open(
        path: String, format: DocumentFormat, options: IngestionOptions, blockBytes: Int = defaultBlockBytes
    ) -> DelimitedTextFile? {
        // Given another charset (GB18030, Big5, UTF-16LE …) with --encoding, the file is converted as it is read.
        if let encoding = options.encoding {
            guard let name = TextDecoder.canonicalName(encoding) else { return nil }
            let charset = name == "UTF-8" ? nil : name
            return try? check(path: path, format: format, options: options, charset: charset, blockBytes: blockBytes).get()
        }
        switch check(path: path, format: format, options: options, charset: nil, blockBytes: blockBytes) {
        case .success(let file):
            return file
        case .failure(.invalidBytes):
            // Not UTF-8: streamed in the encoding the whole-file reader would find, which rests on the file's
            // start, when every byte of the file is valid in it and none is NUL (else that reader must judge).
            guard let start = try? RegularFile(path: path).read(upTo: Self.detectionBytes),
                let found = TextDecoder.encodingFound(forStart: start, path: path)
            else { return nil }
            return try? check(
                path: path, format: format, options: options, charset: found.name, found: found.diagnostic,
                blockBytes: blockBytes
            ).get()
        case .failure:
            return nil
        }
    }

    /// How much of a file's start finding its encoding looks at: what `TextDecoder` looks at, at most.
    static let detectionBytes = max(CharsetDetector.sampleBytes, TextDecoder.sniffedBytes)

    /// Why a file cannot be streamed as it was checked.
    enum CheckFailure: Error {
        /// Invalid bytes in the encoding it was checked in (or NUL bytes where they are refused).
        case invalidBytes
        /// Anything else the whole-file reader must judge.
        case other
    }

    /// Reads the file through once in `charset` (UTF-8 when nil), checking what `open` describes; `found` is the
    /// note that reports a detected charset, which comes first among the file's warnings.
    private static func check(
        path: String, format: DocumentFormat, options: IngestionOptions, charset: String?, found: Diagnostic? = nil,
        blockBytes: Int
    ) -> Result<DelimitedTextFile, CheckFailure> {
        guard var checking = NormalizedBlockReader(
            path: path, charset: charset, refusesNUL: found != nil, blockBytes: blockBytes,
            firstBlockBytes: max(blockBytes, Self.headBytes))
        else { return .failure(.other) }
        var scanner: CSVRecordScanner?
        var sniffed: (delimiter: Unicode.Scalar, warnings: [Diagnostic])?
        var fits = true
        do {
            var more = true
            while more, fits {
                more = try checking.next(validating: true) { piece in
                    if scanner == nil {
                        // The first block is the file's start: judged as text, and the delimiter sniffed from it.
                        let head = String(decoding: piece, as: UTF8.self)
                        guard (try? TextDecoder.refuseBinary(head, bytes: [], path: path)) != nil, !head.isEmpty else {
                            fits = false
                            return
                        }
                        sniffed = DelimitedTextReader.delimiter(of: head, format: format, path: path)
                        scanner = CSVRecordScanner(delimiter: UInt8(ascii: sniffed!.delimiter))
                    }
                    fits = scanner!.scan(piece) { _ in true } && scanner!.largestRecordBytes <= options.maximumFileBytes
                }
            }
        } catch .invalidBytes {
            return .failure(.invalidBytes)
        } catch {
            return .failure(.other)
        }
        guard fits, scanner != nil, scanner!.finish(onRecord: { _ in true }) == nil, let sniffed,
            let reader = NormalizedBlockReader(path: path, charset: charset, blockBytes: blockBytes, firstBlockBytes: blockBytes)
        else { return .failure(.other) }
        return .success(DelimitedTextFile(
            path: path, delimiter: sniffed.delimiter, encoding: charset ?? "UTF-8",
            warnings: (found.map { [$0] } ?? []) + sniffed.warnings, reader: reader))
    }

    private init(path: String, delimiter: Unicode.Scalar, encoding: String, warnings: [Diagnostic], reader: NormalizedBlockReader) {
        self.path = path
        self.delimiter = delimiter
        self.encoding = encoding
        self.warnings = warnings
        self.reader = reader
        scanner = CSVRecordScanner(delimiter: UInt8(ascii: delimiter))
    }

    /// The rows the next block completes (perhaps none), or nil once the file is done. Numbers count records
    /// from 1, the header included. Throws when the file cannot be read, or has changed since it was checked so
    /// that it ends inside a quoted field.
    mutating func nextRows() throws(IngestionError) -> [SpreadsheetRow]? {
        guard !done else { return nil }
        var rows: [SpreadsheetRow] = []
        let recordCount = self.recordCount
        func add(_ record: CSVRecord) -> Bool {
            rows.append(SpreadsheetRow(number: recordCount + rows.count + 1, line: record.line, cells: record.fields))
            return true
        }
        var scanner = self.scanner
        defer { self.scanner = scanner }
        let more: Bool
        do {
            more = try reader.next(validating: false) { piece in _ = scanner.scan(piece, onRecord: add) }
        } catch {
            done = true
            switch error {
            case .unreadable(let reason): throw .unreadable(path: path, reason: reason)
            case .byteOrderMark, .invalidBytes:
                throw .malformed(at: SourceLocation(path: path), reason: "the file changed while it was read")
            }
        }
        if !more {
            done = true
            if let opened = scanner.finish(onRecord: add) {
                throw .malformed(
                    at: SourceLocation(path: path, line: opened),
                    reason: "the file changed while it was read: the quoted field opened on line \(opened) never ends")
            }
        }
        self.recordCount += rows.count
        return rows.isEmpty && done ? nil : rows
    }
}
