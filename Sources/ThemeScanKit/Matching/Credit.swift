/// What a match counts for: one code, through one of its terms.
public struct Credit: Sendable, Hashable {
    /// Index of the code in `Codebook.codes`.
    public var code: Int
    /// Index of the term in `Matcher.terms`, the codebook's terms in order.
    public var term: Int

    public init(code: Int, term: Int) {
        self.code = code
        self.term = term
    }
}
