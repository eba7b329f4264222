/// One document as ingestion hands it on: its extracted text cut into segments, and what is known of it.
public struct Document: Sendable, Hashable {
    public var id: String
    public var caseID: String
    public var source: String
    public var format: DocumentFormat
    public var encoding: String
    public var metadata: DocumentMetadata
    /// The extracted text, which every reported offset refers to.
    public var text: String
    public var segments: [Segment]

    public init(
        id: String, caseID: String, source: String, format: DocumentFormat, encoding: String,
        metadata: DocumentMetadata = [:], text: String, segments: [Segment]
    ) {
        self.id = id
        self.caseID = caseID
        self.source = source
        self.format = format
        self.encoding = encoding
        self.metadata = metadata
        self.text = text
        self.segments = segments
    }
}
