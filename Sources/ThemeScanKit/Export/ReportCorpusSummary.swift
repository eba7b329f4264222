/// The size and make-up of the analysed corpus.
public struct ReportCorpusSummary: Sendable, Equatable {
    public var documents: Int
    public var cases: Int
    public var tokens: Int
    public var characters: Int
    /// Documents per input format (`txt`, `docx`, …), in the order to show them.
    public var formats: [ReportCount]
    /// Documents per text encoding.
    public var encodings: [ReportCount]
    /// Segments (and tokens, when known) per speaker role.
    public var speakerRoles: [ReportCount]

    public init(
        documents: Int, cases: Int, tokens: Int, characters: Int, formats: [ReportCount] = [],
        encodings: [ReportCount] = [], speakerRoles: [ReportCount] = []
    ) {
        self.documents = documents
        self.cases = cases
        self.tokens = tokens
        self.characters = characters
        self.formats = formats
        self.encodings = encodings
        self.speakerRoles = speakerRoles
    }
}
