/// One code of one group's codebook, with its counts in that group.
public struct ComparisonCodeCount: Sendable, Hashable {
    public var themeID: String
    public var codeID: String
    public var label: String
    /// Matches credited to the code.
    public var occurrences: Int
    /// Cases with at least one match of the code.
    public var casesCoded: Int
    /// The texts of the code's terms, in any order: groups whose lists differ as sets get `different terms`.
    public var terms: [String]

    public init(themeID: String, codeID: String, label: String, occurrences: Int, casesCoded: Int, terms: [String]) {
        self.themeID = themeID
        self.codeID = codeID
        self.label = label
        self.occurrences = occurrences
        self.casesCoded = casesCoded
        self.terms = terms
    }
}
