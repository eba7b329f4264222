/// What a shard's inputs are of the whole run's, and how it shares the survey exports that every shard reads: each
/// analyzes the parts of them it includes (`Shard.includes(position:part:)`), so that one export of millions of rows
/// is spread over the shards too.
///
/// Every other input is one shard's whole, as before. A document completes its case (`CorpusAnalyzer.caseMinimum`)
/// only when no input of the whole run can share the case, so that `merge` may count it as finished too.
public struct ShardParts: Sendable {
    public var shard: Shard
    /// Every input of the whole run, in order.
    public var allSources: [DocumentSource]
    /// Each of the shard's inputs' position in `allSources`.
    public var positions: [Int]
    /// The shard's inputs (by index) that every shard reads.
    public var shared: Set<Int>

    public init(shard: Shard, allSources: [DocumentSource], positions: [Int], shared: Set<Int>) {
        self.shard = shard
        self.allSources = allSources
        self.positions = positions
        self.shared = shared
    }

    /// Whether the shard analyzes part `part` of the run's input `input`; every part of an input it alone reads.
    func includes(input: Int, part: Int) -> Bool {
        !shared.contains(input) || shard.includes(position: positions[input], part: part)
    }

    /// The part number a document of part `part` of input `input` records for `merge`: nil for an input the shard
    /// alone reads, whose documents are all its own.
    func recordedPart(input: Int, part: Int) -> Int? {
        shared.contains(input) ? part : nil
    }
}
