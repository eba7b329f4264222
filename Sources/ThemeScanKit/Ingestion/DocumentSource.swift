/// An input file to analyze, with the names it will carry in the outputs.
public struct DocumentSource: Sendable, Hashable {
    /// The path as the user gave it or as the folder walk found it.
    public var path: String
    /// The document id in outputs: the path relative to the input folder, or the file name.
    public var id: String
    /// The case (program) the document belongs to.
    public var caseID: String

    public init(path: String, id: String, caseID: String? = nil) {
        self.path = path
        self.id = id
        self.caseID = caseID ?? id
    }
}
