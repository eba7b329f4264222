/// Two different codes, by index in the matcher's code list, the lower first: the key of co-occurrence counts.
public struct CodePair: Sendable, Hashable, Comparable, Codable {
    public var first: Int
    public var second: Int

    /// The pair of two different codes, in either order.
    public init(_ a: Int, _ b: Int) {
        first = min(a, b)
        second = max(a, b)
    }

    /// Hashes both codes as one 64-bit value: documents and the corpus count their pairs in dictionaries, and
    /// hashing two full integers cost twice the bytes for code indices that fit 32 bits each.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(truncatingIfNeeded: first) << 32 ^ UInt64(truncatingIfNeeded: second))
    }

    public static func < (lhs: CodePair, rhs: CodePair) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
    }
}
