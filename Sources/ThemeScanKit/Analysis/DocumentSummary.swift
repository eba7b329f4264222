/// What the outputs say about one document.
public struct DocumentSummary: Sendable, Hashable {
    public var id: String
    public var caseID: String
    public var source: String
    public var format: DocumentFormat
    public var encoding: String
    /// Unicode scalars in the extracted text.
    public var characters: Int
    /// ICU word tokens in the counted segments.
    public var tokens: Int
    /// Labelled speakers in order of first appearance.
    public var speakers: [SpeakerSummary]
    /// Segments counted under the run's speaker selection.
    public var segments: Int
    /// Manifest and spreadsheet columns.
    public var metadata: DocumentMetadata

    public init(
        id: String, caseID: String, source: String, format: DocumentFormat, encoding: String, characters: Int,
        tokens: Int, speakers: [SpeakerSummary] = [], segments: Int = 1, metadata: DocumentMetadata = [:]
    ) {
        self.id = id
        self.caseID = caseID
        self.source = source
        self.format = format
        self.encoding = encoding
        self.characters = characters
        self.tokens = tokens
        self.speakers = speakers
        self.segments = segments
        self.metadata = metadata
    }
}
