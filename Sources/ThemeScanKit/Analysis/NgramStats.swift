/// How often one n-gram occurs in a corpus, and where it was first seen.
public struct NgramStats: Sendable, Hashable {
    public var script: CandidateScript
    /// The words the n-gram is made of, in matching form.
    public var tokens: [String]
    /// What joins each pair of words: empty for Han, a space or a hyphen for alphabetic words.
    public var joiners: [String]
    public var occurrences: Int
    public var documents: Int
    /// Occurrences per case.
    public var caseOccurrences: [String: Int]
    public var example: CandidateExample?

    public init(
        script: CandidateScript, tokens: [String], joiners: [String], occurrences: Int = 0, documents: Int = 0,
        caseOccurrences: [String: Int] = [:], example: CandidateExample? = nil
    ) {
        self.script = script
        self.tokens = tokens
        self.joiners = joiners
        self.occurrences = occurrences
        self.documents = documents
        self.caseOccurrences = caseOccurrences
        self.example = example
    }

    /// The number of words.
    public var length: Int { tokens.count }

    public var cases: Int { caseOccurrences.count }

    /// The n-gram as a candidate is shown and looked up: its words with their joiners.
    public var text: String { Self.text(tokens[...], joiners: joiners[...]) }

    /// The text of a stretch of words, `joiners` being the ones between them.
    static func text(_ tokens: ArraySlice<String>, joiners: ArraySlice<String>) -> String {
        var text = tokens.first ?? ""
        for (joiner, token) in zip(joiners, tokens.dropFirst()) {
            text += joiner
            text += token
        }
        return text
    }

    /// The text of words `range` of this n-gram.
    func text(of range: Range<Int>) -> String {
        Self.text(tokens[range], joiners: joiners[range.lowerBound..<max(range.lowerBound, range.upperBound - 1)])
    }

    /// Adds another tally's counts of the same n-gram; the example from the earlier document is kept.
    mutating func merge(_ other: NgramStats) {
        occurrences += other.occurrences
        documents += other.documents
        caseOccurrences.merge(other.caseOccurrences, uniquingKeysWith: +)
        if let theirs = other.example, example.map({ theirs.document < $0.document }) ?? true { example = theirs }
    }
}
