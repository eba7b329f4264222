/// One match in context: where it is, and the text around the matched surface.
public struct ReportPassage: Sendable, Equatable {
    public var documentID: String
    public var caseID: String
    /// The speaker label of the turn; nil when the document has no speakers.
    public var speaker: String?
    public var left: String
    public var surface: String
    public var right: String

    public init(documentID: String, caseID: String, speaker: String? = nil, left: String, surface: String, right: String) {
        self.documentID = documentID
        self.caseID = caseID
        self.speaker = speaker
        self.left = left
        self.surface = surface
        self.right = right
    }
}
