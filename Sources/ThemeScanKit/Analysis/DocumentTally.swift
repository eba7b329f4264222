/// One document's counts: occurrences per code and per term, indexed like the matcher's codes and terms.
public struct DocumentTally: Sendable, Hashable {
    public var caseID: String
    public var tokens: Int
    public var characters: Int
    public var codeOccurrences: [Int]
    public var termOccurrences: [Int]
    /// Occurrences of each word of the open-vocabulary list (see `WordListSettings`); empty when not asked for.
    public var words: [String: Int] = [:]
    /// The codes credited by each word that is a codebook match.
    public var wordCodes: [String: Set<Int>] = [:]
    /// Speaker turns (segments) in which both codes of a pair occur.
    public var segmentPairs: [CodePair: Int] = [:]
    /// Counted speaker turns and their tokens, by speaker role (`SpeakerRole.rawValue`).
    public var roleSegments: [String: Int] = [:]
    public var roleTokens: [String: Int] = [:]

    public init(caseID: String, tokens: Int, characters: Int, codeCount: Int, termCount: Int) {
        self.caseID = caseID
        self.tokens = tokens
        self.characters = characters
        self.codeOccurrences = Array(repeating: 0, count: codeCount)
        self.termOccurrences = Array(repeating: 0, count: termCount)
    }

    /// Counts a match once for each code it credits.
    public mutating func count(_ match: Match) {
        for credit in match.credits {
            codeOccurrences[credit.code] += 1
            termOccurrences[credit.term] += 1
        }
    }
}
