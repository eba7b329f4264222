/// What a corpus says about a codebook: how each term matched, and which codes never did.
public struct TermSurvey: Sendable {
    /// One usage per term of `Matcher.terms`, in the same order.
    public var usages: [TermUsage]
    /// Credited matches per code of `Matcher.codes`.
    public var codeMatches: [Int]
    public var documents: Int

    public init(usages: [TermUsage], codeMatches: [Int], documents: Int) {
        self.usages = usages
        self.codeMatches = codeMatches
        self.documents = documents
    }

    /// Indexes into `Matcher.codes` of the codes no match credited.
    public var unmatchedCodes: [Int] {
        codeMatches.indices.filter { codeMatches[$0] == 0 }
    }
}
