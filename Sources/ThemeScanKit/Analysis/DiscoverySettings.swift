/// The thresholds of term discovery.
///
/// The defaults follow common practice in term extraction: an n-gram seen fewer than 3 times, or in only one
/// document, is too thin to propose (one interviewee's turn of phrase), and the words of a multi-word candidate must
/// attract each other at p < 0.001 (G² ≥ 10.83), which keeps out chance neighbours such as 孩子|学校.
public struct DiscoverySettings: Sendable, Hashable {
    /// The longest n-gram counted, in words.
    public var maximumLength: Int
    public var minimumOccurrences: Int
    public var minimumDocuments: Int
    /// The G² every split of a multi-word candidate into two parts must reach.
    public var minimumAssociation: Double
    /// The shortest single word proposed, in characters (default 2 for Han, 3 for alphabetic words).
    public var minimumHanWordLength: Int
    public var minimumAlphabeticWordLength: Int
    /// The most candidates kept of each kind (multi-word, single word).
    public var limit: Int
    /// Han words that make a sequence a phrase rather than a term wherever they stand in it: the structural
    /// particles (孩子的情绪, 认真地听). English keeps inner stopwords, which terms have (quality of life).
    public var hanPhraseParticles: Set<String>

    public init(
        maximumLength: Int = 4, minimumOccurrences: Int = 3, minimumDocuments: Int = 2,
        minimumAssociation: Double = LogLikelihood.significantAt001, minimumHanWordLength: Int = 2,
        minimumAlphabeticWordLength: Int = 3, limit: Int = 200, hanPhraseParticles: Set<String> = ["的", "地", "得"]
    ) {
        self.maximumLength = maximumLength
        self.minimumOccurrences = minimumOccurrences
        self.minimumDocuments = minimumDocuments
        self.minimumAssociation = minimumAssociation
        self.minimumHanWordLength = minimumHanWordLength
        self.minimumAlphabeticWordLength = minimumAlphabeticWordLength
        self.limit = limit
        self.hanPhraseParticles = hanPhraseParticles
    }
}
