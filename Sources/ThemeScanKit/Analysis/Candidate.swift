/// A term the codebook may be missing, with the evidence for it.
public struct Candidate: Sendable, Hashable {
    /// The candidate in matching form: Simplified, case-folded; Han words written together.
    public var text: String
    public var script: CandidateScript
    /// Its length in words.
    public var length: Int
    /// What it is ranked by: C-value for several words, TF-IDF per 10,000 tokens for one, or with a reference
    /// corpus, signed log-likelihood keyness.
    public var score: Double
    public var occurrences: Int
    public var documents: Int
    public var cases: Int
    /// The first sentence it occurs in, at most 80 characters around it.
    public var example: String
    /// Ids of the codes whose terms occur inside it (a near-miss), in codebook order.
    public var coveredBy: [String]
    /// Occurrences in the reference corpus, when ranked against one.
    public var referenceOccurrences: Int?
    /// Log Ratio against the reference corpus, when ranked against one.
    public var logRatio: Double?

    public init(
        text: String, script: CandidateScript, length: Int, score: Double, occurrences: Int, documents: Int,
        cases: Int, example: String, coveredBy: [String] = [], referenceOccurrences: Int? = nil, logRatio: Double? = nil
    ) {
        self.text = text
        self.script = script
        self.length = length
        self.score = score
        self.occurrences = occurrences
        self.documents = documents
        self.cases = cases
        self.example = example
        self.coveredBy = coveredBy
        self.referenceOccurrences = referenceOccurrences
        self.logRatio = logRatio
    }
}
