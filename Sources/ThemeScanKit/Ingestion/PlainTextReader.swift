/// Reads `.txt` and `.md` files in any common encoding, one document per file.
public struct PlainTextReader: DocumentReader {
    public var format: DocumentFormat
    public var options: IngestionOptions

    public init(format: DocumentFormat = .text, options: IngestionOptions = IngestionOptions()) {
        self.format = format
        self.options = options
    }

    public func read(_ bytes: [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult {
        let decoded = try TextDecoder(encoding: options.encoding).decode(bytes, path: source.path)
        let document = Document(
            id: source.id, caseID: source.caseID ?? source.id, source: source.path, format: format,
            encoding: decoded.encoding, metadata: source.metadata, text: decoded.text,
            segments: [Segment(text: decoded.text, start: 0)])
        return ReadResult(documents: [document], warnings: decoded.warnings)
    }
}
