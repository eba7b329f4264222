/// Shards combined into the documents and counts of one run, read a document at a time.
///
/// Memory does not grow with the shards' documents: summaries and cases kept by name are set aside as a single
/// run sets them aside (`DocumentSummaryWriter`, `CorpusTally.setAsideCases(to:)`, `GroupTallies`).
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
    public var documents: DocumentSummaries
    public var tally: CorpusTally

    /// Checks that the partial results are the shards of one run, each once, and gives them in shard order.
    public static func checked(
        _ partials: [(folder: String, result: PartialResult)]
    ) throws(MergeError) -> [(folder: String, result: PartialResult)] {
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
        return partials.sorted { $0.result.shard < $1.result.shard }
    }

    /// Combines the documents of shards given as `checked(_:)` gives them, in the order of a single run.
    ///
    /// `nextDocument(i)` gives shard i's next document in its own order, nil after its last. `handOn(i, document)`
    /// is called for each document as it is combined, in the order of a single run (to copy its `matches.csv`
    /// rows). Summaries and cases are set aside in `setAsideFolder` past `heldDocuments` documents, about
    /// `heldCaseBytes` of cases kept by name and `heldFinishedCaseBytes` of finished ones (tests make them small), or
    /// all held when it is nil.
    ///
    /// Throws `MergeError` when a shard's documents do not fit it, `TextError` when they cannot be set aside, and
    /// what the two closures throw.
    public init(
        shards ordered: [(folder: String, result: PartialResult)], setAsideFolder: String?,
        heldDocuments: Int = 4096, heldCaseBytes: Int = 8 << 20, heldFinishedCaseBytes: Int = 4 << 20,
        nextDocument: (Int) throws -> PartialDocument?, handOn: (Int, PartialDocument) throws -> Void
    ) throws {
        guard let first = ordered.first else { throw MergeError.missingShards([1], of: 1) }
        folders = ordered.map(\.folder)
        codebook = first.result.outline
        options = first.result.options
        facts = first.result.facts
        let (codeCount, termCount) = (codebook.codes.count, codebook.terms.count)
        let summaries = DocumentSummaryWriter(heldDocuments: heldDocuments, folder: setAsideFolder)
        var setAsideCases = setAsideFolder.map { SetAsideWriter(folder: $0, prefix: ".themescan-cases") }
        var tally = CorpusTally(codeCount: codeCount, termCount: termCount)
        var groups = options.groupBy.map {
            GroupTallies(variable: $0, codeCount: codeCount, termCount: termCount, setAsideFolder: setAsideFolder)
        }
        groups?.heldCaseBytes = heldCaseBytes
        // Each shard's next document; a single run lists documents by input, an input's documents (spreadsheet
        // rows) in reading order, and every part of an input belongs to one shard, so the least next (input, part)
        // comes next.
        var heads = try ordered.indices.map { try nextDocument($0) }
        var counts = [Int](repeating: 0, count: ordered.count)
        var lastPlaces = [Place](repeating: Place(input: 0, part: 0), count: ordered.count)
        while let next = Self.leastPlace(of: heads) {
            let document = heads[next]!
            let partial = ordered[next]
            let shard = Shard(index: partial.result.shard, count: partial.result.shardCount)!
            let place = Place(document)
            guard shard.includes(position: place.input, part: place.part), place.input < partial.result.inputCount else {
                let part = document.part.map { ", part \($0)" } ?? ""
                throw MergeError.unreadable(
                    folder: partial.folder,
                    reason: "document \(document.id) has input \(document.input)\(part), not one of shard \(shard)")
            }
            guard place >= lastPlaces[next] else {
                // Parts are named only for an input every shard reads, whose documents record them.
                func named(_ place: Place) -> String {
                    "input \(place.input)" + (document.part == nil ? "" : ", part \(place.part)")
                }
                throw MergeError.unreadable(
                    folder: partial.folder,
                    reason: "document \(document.id) has \(named(place)), after a document of \(named(lastPlaces[next]))")
            }
            guard let summary = document.summary(),
                let documentTally = document.tally(codeCount: codeCount, termCount: termCount)
            else {
                throw MergeError.unreadable(
                    folder: partial.folder, reason: "document \(document.id) is not described in a form this version reads")
            }
            try summaries.append(summary)
            // Finished as the shard finished it: the only document of its case in the whole run.
            let caseMinimum = document.completesCase ? options.minimumOccurrences : nil
            tally.add(documentTally, completingCaseAt: caseMinimum)
            try groups?.add(summary, tally: documentTally, completingCaseAt: caseMinimum)
            if setAsideCases != nil {
                if tally.caseCodeOccurrences.heldFinishedBytes >= heldFinishedCaseBytes {
                    try tally.caseCodeOccurrences.setAsideFinished(to: &setAsideCases!)
                }
                if tally.heldCaseBytes >= heldCaseBytes { try tally.setAsideCases(to: &setAsideCases!) }
            }
            try handOn(next, document)
            lastPlaces[next] = place
            counts[next] += 1
            heads[next] = try nextDocument(next)
        }
        for (index, partial) in ordered.enumerated() where counts[index] != partial.result.documentCount {
            throw MergeError.unreadable(
                folder: partial.folder,
                reason: "\(PartialResult.documentsFileName) holds \(counts[index]) document(s), \(PartialResult.fileName) counts \(partial.result.documentCount)")
        }
        documents = try summaries.finish()
        self.tally = tally
        self.groups = groups
    }

    /// Where a document stands in a single run: its input, then its part of the input (0 for an input one shard
    /// read whole, whose documents are all in that shard).
    private struct Place: Comparable {
        var input: Int
        var part: Int

        init(input: Int, part: Int) {
            self.input = input
            self.part = part
        }

        init(_ document: PartialDocument) {
            self.init(input: document.input, part: document.part ?? 0)
        }

        static func < (left: Place, right: Place) -> Bool {
            (left.input, left.part) < (right.input, right.part)
        }
    }

    /// The shard whose next document comes first, nil when every shard is done.
    private static func leastPlace(of heads: [PartialDocument?]) -> Int? {
        var least: (index: Int, place: Place)?
        for (index, head) in heads.enumerated() {
            guard let head else { continue }
            let place = Place(head)
            if let current = least, current.place <= place { continue }
            least = (index, place)
        }
        return least?.index
    }
}
