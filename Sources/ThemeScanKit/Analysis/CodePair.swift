/// Two different codes, by index in the matcher's code list, the lower first: the key of co-occurrence counts.
public struct CodePair: Sendable, Hashable, Comparable, Codable {
    public var first: Int
    public var second: Int

    /// The pair of two different codes, in either order.
    public init(_ a: Int, _ b: Int) {
        first = min(a, b)
        second = max(a, b)
    }

    public static func < (lhs: CodePair, rhs: CodePair) -> Bool {
        (lhs.first, lhs.second) < (rhs.first, rhs.second)
    }
}
