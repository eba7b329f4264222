/// Shards combined into the documents and counts of one run, with the order to copy their matches in.
public struct MergedRun: Sendable {
    /// The shards' folders, by shard index - 1.
    public var folders: [String]
    /// The codes and terms the tables list, and how the tables are made.
    public var codebook: RunCodebook
    public var options: TableOptions
    public var facts: ReportRunFacts
    /// The documents and counts of each group, when the shards were run with `--group-by`.
    public var groups: GroupTallies?
    /// Every document in the order of a single run.
    public var documents: [DocumentSummary]
    public var tally: CorpusTally
    /// For each document in `documents`, its shard (index into `folders`) and its number of `matches.csv` rows.
    public var sources: [(shard: Int, rows: Int)]

    /// Checks that the partial results are the shards of one run, each once, and combines them.
    public init(_ partials: [(folder: String, result: PartialResult)]) throws(MergeError) {
        guard let first = partials.first else { throw .missingShards([1], of: 1) }
        for partial in partials where partial.result.format != PartialResult.currentFormat {
            throw .unsupportedFormat(folder: partial.folder, found: partial.result.format)
        }
        func entries(_ value: (PartialResult) -> String) -> [String] {
            partials.map { "\($0.folder): \(value($0.result))" }
        }
        if Set(partials.map(\.result.shardCount)).count > 1 {
            throw .mixedShardCounts(entries { "\($0.shard)/\($0.shardCount)" })
        }
        if Set(partials.map(\.result.inputCount)).count > 1 {
            throw .mixedInputCounts(entries { "\($0.inputCount) input(s)" })
        }
        if Set(partials.map(\.result.codebook)).count > 1 || partials.contains(where: {
            $0.result.outline != first.result.outline
        }) {
            throw .differentCodebooks(entries(\.codebook))
        }
        if Set(partials.map(\.result.settings)).count > 1 || partials.contains(where: { $0.result.options != first.result.options || $0.result.facts != first.result.facts }) { throw .differentSettings(entries(\.settings)) }
        let count = first.result.shardCount
        var byShard: [Int: [String]] = [:]
        for partial in partials { byShard[partial.result.shard, default: []].append(partial.folder) }
        if let (shard, folders) = byShard.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .duplicateShard("\(shard)/\(count)", folders: folders)
        }
        let missing = (1...count).filter { byShard[$0] == nil }
        guard missing.isEmpty else { throw .missingShards(missing, of: count) }

        let ordered = partials.sorted { $0.result.shard < $1.result.shard }
        folders = ordered.map(\.folder)
        codebook = first.result.outline
        options = first.result.options
        facts = first.result.facts
        var located: [(input: Int, shard: Int, order: Int)] = []
        for (shardIndex, partial) in ordered.enumerated() {
            let shard = Shard(index: partial.result.shard, count: count)!
            for (order, document) in partial.result.documents.enumerated() {
                guard shard.includes(position: document.input), document.input < first.result.inputCount else {
                    throw .unreadable(
                        folder: partial.folder, reason: "document \(document.id) has input \(document.input), not one of shard \(shard)")
                }
                located.append((document.input, shardIndex, order))
            }
        }
        // A single run lists documents by input, and an input's documents (spreadsheet rows) in reading order.
        located.sort { ($0.input, $0.order) < ($1.input, $1.order) }
        var tally = CorpusTally(codeCount: codebook.codes.count, termCount: codebook.terms.count)
        var groups = first.result.options.groupBy.map {
            GroupTallies(variable: $0, codeCount: first.result.outline.codes.count, termCount: first.result.outline.terms.count)
        }
        var documents: [DocumentSummary] = []
        var sources: [(shard: Int, rows: Int)] = []
        for place in located {
            let partial = ordered[place.shard]
            let document = partial.result.documents[place.order]
            guard let summary = document.summary(),
                let documentTally = document.tally(codeCount: codebook.codes.count, termCount: codebook.terms.count)
            else {
                throw .unreadable(folder: partial.folder, reason: "document \(document.id) is not described in a form this version reads")
            }
            documents.append(summary)
            tally.add(documentTally)
            groups?.add(summary, tally: documentTally)
            sources.append((place.shard, document.matchRowCount))
        }
        self.documents = documents
        self.tally = tally
        self.groups = groups
        self.sources = sources
    }
}
