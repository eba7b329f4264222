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

    public init(id: String, caseID: String, source: String, format: DocumentFormat, encoding: String, characters: Int, tokens: Int) {
        self.id = id
        self.caseID = caseID
        self.source = source
        self.format = format
        self.encoding = encoding
        self.characters = characters
        self.tokens = tokens
    }
}
