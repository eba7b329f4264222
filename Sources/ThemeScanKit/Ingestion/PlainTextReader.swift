/// Reads `.txt` and `.md` files as UTF-8 text, one segment per document.
public struct PlainTextReader: DocumentReader {
    public var decoder = UTF8TextDecoder()
    public var format: DocumentFormat

    public init(format: DocumentFormat = .text) {
        self.format = format
    }

    public func read(_ bytes: [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult {
        let (text, warnings) = decoder.decode(bytes, path: source.path)
        let document = Document(
            id: source.id, caseID: source.caseID ?? source.id, source: source.path, format: format,
            encoding: "UTF-8", metadata: source.metadata, text: text, segments: [Segment(text: text, start: 0)])
        return ReadResult(documents: [document], warnings: warnings)
    }
}
