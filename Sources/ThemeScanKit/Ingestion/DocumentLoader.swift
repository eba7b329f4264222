import Foundation

/// Reads an input file from disk, decides its format and hands its bytes to the adapter for that format.
public struct DocumentLoader: Sendable {
    public var options: IngestionOptions

    public init(options: IngestionOptions = IngestionOptions()) {
        self.options = options
    }

    /// The documents in the file at `source.path`; throws when the file must be skipped.
    public func load(_ source: DocumentSource) throws(IngestionError) -> ReadResult {
        let (bytes, format) = try readAndSniff(source)
        let loader = source.settings == SourceSettings() ? self : DocumentLoader(options: options.applying(source.settings))
        return try loader.reader(for: format).read(bytes, from: source)
    }

    /// The documents of `source` in order, a batch of at most `batchSize` at a time. A CSV or TSV export that can
    /// be streamed (`DelimitedTextFile`) is, and is then not bound by `maximumFileBytes`, which bounds each of its
    /// records instead. A workbook (`.xlsx`, `.xls`) has its sheet's rows made into documents a batch at a time,
    /// read as the sheet inflates (`XLSXSheetStream`) or read whole first (`SheetRows`). Any other file is read whole first, as `load` reads it. Throws when the file
    /// must be skipped; a workbook's table problems (no header, a column named that does not exist) are thrown by
    /// the first `next`, as a CSV export's are.
    public func batches(_ source: DocumentSource, batchSize: Int) throws(IngestionError) -> DocumentBatches {
        let loader = source.settings == SourceSettings() ? self : DocumentLoader(options: options.applying(source.settings))
        if let format = loader.streamableFormat(of: source.path),
            let stream = DelimitedTextReader(format: format, options: loader.options).stream(source)
        {
            return DocumentBatches(stream: stream, batchSize: batchSize)
        }
        let (bytes, format) = try readAndSniff(source)
        guard format == .xlsx || format == .xls else {
            return DocumentBatches(read: try loader.reader(for: format).read(bytes, from: source), batchSize: batchSize)
        }
        let stream = try SpreadsheetReader(format: format, options: loader.options).stream(bytes, from: source)
        return DocumentBatches(stream: stream, batchSize: batchSize)
    }

    /// Whether `source` is a survey export by its forced format or by its name (.csv, .tsv, .xlsx, .xls): the inputs
    /// every shard reads, each analyzing its parts of them (`ShardParts`). Decided without reading the file, so
    /// that every shard decides alike.
    public func isSurveyExportByName(_ source: DocumentSource) -> Bool {
        let format =
            options.applying(source.settings).format
            ?? DocumentFormat(rawValue: (source.path as NSString).pathExtension.lowercased())
        return format?.isTabular ?? false
    }

    /// The file's bytes and its format: the one forced, or the one sniffed from the bytes.
    private func readAndSniff(_ source: DocumentSource) throws(IngestionError) -> (bytes: [UInt8], format: DocumentFormat) {
        let bytes = try readBytes(source.path)
        if let forced = options.format { return (bytes, forced) }
        let format = try FormatSniffer().format(
            of: bytes, pathExtension: (source.path as NSString).pathExtension, path: source.path)
        return (bytes, format)
    }

    /// CSV or TSV when the file at `path` is one (forced, or sniffed from its start as `load` would), else nil.
    private func streamableFormat(of path: String) -> DocumentFormat? {
        let format: DocumentFormat
        if let forced = options.format {
            format = forced
        } else {
            // The sniffer looks at the first bytes only, except in a zip (DOCX, XLSX), which is no CSV.
            guard let file = try? RegularFile(path: path), let head = try? file.read(upTo: 1 << 16),
                !head.starts(with: FormatSniffer.zipMagic), !head.starts(with: FormatSniffer.emptyZipMagic),
                let sniffed = try? FormatSniffer().format(of: head, pathExtension: (path as NSString).pathExtension, path: path)
            else { return nil }
            format = sniffed
        }
        return format == .csv || format == .tsv ? format : nil
    }

    /// The adapter that reads `format`.
    public func reader(for format: DocumentFormat) -> any DocumentReader {
        switch format {
        case .text, .markdown, .webVTT, .subRip: return PlainTextReader(format: format, options: options)
        case .csv, .tsv: return DelimitedTextReader(format: format, options: options)
        case .xlsx, .xls: return SpreadsheetReader(format: format, options: options)
        case .docx: return DOCXReader(options: options)
        case .html: return HTMLReader(options: options)
        case .xml: return XMLReader(options: options)
        }
    }

    private func readBytes(_ path: String) throws(IngestionError) -> [UInt8] {
        let bytes: [UInt8]
        do {
            bytes = try RegularFile.read(path, limit: options.maximumFileBytes)
        } catch {
            if case .tooLarge(let size) = error {
                throw .tooLarge(path: path, bytes: size, limit: options.maximumFileBytes)
            }
            throw .unreadable(path: path, reason: error.reason)
        }
        guard !bytes.isEmpty else { throw .empty(path: path) }
        return bytes
    }
}
