/// How one codebook term fared in a corpus: its matches, and those that cut through a word as ICU segments it.
public struct TermUsage: Sendable, Equatable {
    /// The term's index in `Matcher.terms`.
    public var term: Int
    public var matches: Int = 0
    /// Matches that begin or end inside an ICU word, such as 心 inside 心理.
    public var cutMatches: Int = 0
    /// The words (runs of ICU segments, normalized) that enclosed the cut matches, with how often.
    public var enclosingWords: [String: Int] = [:]

    public init(term: Int) {
        self.term = term
    }

    /// The `limit` most frequent enclosing words, most frequent first, ties in text order.
    public func mostFrequentEnclosingWords(_ limit: Int = 3) -> [(word: String, count: Int)] {
        enclosingWords.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ($0.key, $0.value) }
    }
}
