/// One of `count` parts of a run's inputs, chosen by position so that any machine picks the same files.
///
/// Shard `index` (1-based) takes the inputs whose 0-based position in the full, sorted input list leaves
/// `index - 1` when divided by `count`. Interleaving spreads large and small folders over the shards. A survey
/// export is read by every shard, each analyzing its parts of it (`ShardParts`), so that one large export is
/// shared too.
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

    /// Whether part `part` (0-based, `CorpusAnalyzer.partDocuments` documents each) of the input at this 0-based
    /// position belongs to the shard, for an input every shard reads (`ShardParts`): its parts go round the shards
    /// from the one that would take the whole input.
    public func includes(position: Int, part: Int) -> Bool {
        (position + part) % count == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}
