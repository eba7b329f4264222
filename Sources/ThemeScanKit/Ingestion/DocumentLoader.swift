import Foundation

/// Reads an input file from disk, decides its format and hands its bytes to the adapter for that format.
public struct DocumentLoader: Sendable {
    public var options: IngestionOptions

    public init(options: IngestionOptions = IngestionOptions()) {
        self.options = options
    }

    /// The documents in the file at `source.path`; throws when the file must be skipped.
    public func load(_ source: DocumentSource) throws(IngestionError) -> ReadResult {
        let bytes = try readBytes(source.path)
        let format: DocumentFormat
        if let forced = options.format {
            format = forced
        } else {
            format = try FormatSniffer().format(
                of: bytes, pathExtension: (source.path as NSString).pathExtension, path: source.path)
        }
        let loader = source.settings == SourceSettings() ? self : DocumentLoader(options: options.applying(source.settings))
        return try loader.reader(for: format).read(bytes, from: source)
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
