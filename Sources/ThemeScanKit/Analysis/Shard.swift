/// One of `count` parts of a run's inputs, chosen by position so that any machine picks the same files.
///
/// Shard `index` (1-based) takes the inputs whose 0-based position in the full, sorted input list leaves
/// `index - 1` when divided by `count`. Interleaving spreads large and small folders over the shards.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// A shard, or nil unless `1 <= index <= count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `I/N`, as `analyze --shard` takes it.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    /// Whether the input at this 0-based position of the full input list belongs to the shard.
    public func includes(position: Int) -> Bool {
        position % count == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
