/// The outcome of checking a document against an XML Schema.
public struct SchemaValidation: Sendable, Hashable {
    /// How many validity problems were found; 0 when the document is valid.
    public var problemCount: Int
    /// The 1-based line of the first problem, when known.
    public var firstProblemLine: Int?
    /// The first problem, as libxml2 words it.
    public var firstProblem: String?

    public var isValid: Bool { problemCount == 0 }
}
