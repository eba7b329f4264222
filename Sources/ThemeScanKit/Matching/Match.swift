/// A match as the outputs report it: where it is in the original text and what it counts for.
public struct Match: Sendable, Hashable {
    /// Index of the document in the run's document list.
    public var document: Int
    /// Index of the segment in its document.
    public var segment: Int
    public var speaker: String?
    public var role: SpeakerRole
    /// The codes it credits, each through one term; never empty.
    public var credits: CreditList
    /// 0-based Unicode scalar offsets into the document's extracted text, end exclusive.
    public var start: Int
    public var end: Int
    /// The original text matched.
    public var surface: String
    /// Original context before and after, line breaks shown as spaces.
    public var left: String
    public var right: String
    /// The sentence the match is in (ICU sentence boundaries, at most `DocumentAnalyzer.sentenceReach` characters
    /// either side of the match), line breaks shown as spaces.
    public var sentence: String

    public init(
        document: Int, segment: Int, speaker: String?, role: SpeakerRole = .unknown, credits: CreditList, start: Int, end: Int, surface: String,
        left: String, right: String, sentence: String = ""
    ) {
        self.sentence = sentence
        self.document = document
        self.segment = segment
        self.speaker = speaker
        self.role = role
        self.credits = credits
        self.start = start
        self.end = end
        self.surface = surface
        self.left = left
        self.right = right
    }
}
