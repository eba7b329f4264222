/// Reads text transcripts (`.txt`, `.md`, WebVTT `.vtt`, SubRip `.srt`) in any common encoding, one document per
/// file, cut into speaker turns.
public struct PlainTextReader: DocumentReader {
    public var format: DocumentFormat
    public var options: IngestionOptions

    public init(format: DocumentFormat = .text, options: IngestionOptions = IngestionOptions()) {
        self.format = format
        self.options = options
    }

    public func read(_ bytes: consuming [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult {
        let decoded = try TextDecoder(encoding: options.encoding).decode(bytes, path: source.path)
        // A large transcript is parsed next, which is when it costs the most memory: its bytes go first.
        _ = consume bytes
        let parser = TranscriptParser(classifier: SpeakerRoleClassifier(options: options, source: source))
        let document = Document(
            id: source.id, caseID: source.caseID ?? source.id, source: source.path, format: format,
            encoding: decoded.encoding, metadata: DocumentMetadata(source.metadata), text: decoded.text,
            segments: parser.segments(in: decoded.text, format: format))
        return ReadResult(documents: [document], warnings: decoded.warnings)
    }
}
