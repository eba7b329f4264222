/// How often something occurs in a group of texts, and the token total it occurs among.
public struct RateCount: Sendable, Hashable {
    public var occurrences: Int
    public var tokens: Int

    public init(occurrences: Int, tokens: Int) {
        self.occurrences = occurrences
        self.tokens = tokens
    }
}
