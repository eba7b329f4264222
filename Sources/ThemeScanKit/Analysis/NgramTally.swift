/// Counts of every n-gram of a corpus (up to the discoverer's longest length), mergeable in any order.
///
/// Counts add up and the example kept is the one from the earliest document, so merging the tallies of workers
/// gives the same result whichever worker read which document.
public struct NgramTally: Sendable, Equatable {
    /// Every n-gram by its text.
    public var entries: [String: NgramStats] = [:]
    /// Word tokens counted (Han, alphabetic and others such as numbers).
    public var tokens = 0
    public var documents = 0
    /// Tokens per case: the denominators of TF-IDF.
    public var caseTokens: [String: Int] = [:]

    public init() {}

    public var cases: Int { caseTokens.count }

    /// Adds a tally in.
    public mutating func merge(_ other: NgramTally) {
        tokens += other.tokens
        documents += other.documents
        caseTokens.merge(other.caseTokens, uniquingKeysWith: +)
        for (text, stats) in other.entries {
            if entries[text] != nil {
                entries[text]!.merge(stats)
            } else {
                entries[text] = stats
            }
        }
    }

    /// How often an n-gram occurs; 0 when never seen.
    public func occurrences(of text: String) -> Int {
        entries[text]?.occurrences ?? 0
    }
}
