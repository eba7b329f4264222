/// What an adapter made of one input file: its documents (one, or one per spreadsheet row or XPath node) and
/// the warnings met on the way.
public struct ReadResult: Sendable {
    public var documents: [Document]
    public var warnings: [Diagnostic]

    public init(documents: [Document], warnings: [Diagnostic] = []) {
        self.documents = documents
        self.warnings = warnings
    }
}
