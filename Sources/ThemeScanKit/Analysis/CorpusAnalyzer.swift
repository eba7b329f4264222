import Synchronization

/// Analyzes many documents on several cores and hands each result on in input order, as it is ready.
///
/// Workers take the next unread input from a shared counter; each file is read, analyzed and reduced to its
/// tally and matches before the worker moves on, and a file of many documents (a survey export, a row each) is
/// cut into parts of `partDocuments` that any worker analyzes and that are handed on as they are done. Results are
/// put back in input order before they are passed on and merged, so the outcome does not depend on which worker
/// finished first, and only the documents between the oldest unfinished one and the newest finished one are held
/// at a time.
public struct CorpusAnalyzer: Sendable {
    public let matcher: Matcher
    public var loader: DocumentLoader
    public var contextLength: Int
    public var speakers: SpeakerSelection
    public var jobs: Int
    /// Whether each `DocumentAnalysis` handed on carries its `Document` (text and segments), for exports that
    /// need the text; off by default, since it holds every document in the window in memory.
    public var keepsDocuments: Bool
    /// When set, each document's `matches.csv` rows are rendered by the worker that analyzed it
    /// (`DocumentAnalysis.matchRows`) and no `Match` records are kept, so the consumer only copies bytes.
    public var rowRenderer: MatchRowRenderer?
    /// When set, each document's open-vocabulary words are counted (`CorpusTally.words`).
    public var wordList: WordListSettings?
    /// How many matches of each code the run keeps as samples (`AnalysisResult.samples`). A document samples only
    /// the codes the run does not yet have enough of (`DocumentAnalysis.samples`).
    public var samplesPerCode = 0
    /// Whether `Match` records are kept when no row renderer is set (`DocumentAnalyzer.keepsMatches`); off when a
    /// run wants counts and samples only.
    public var keepsMatches = true
    /// Where each worker sets aside the rows of a huge document (`DocumentAnalyzer.spillFolder`), and where the
    /// run's document summaries are set aside once there are more than `heldSummaries`.
    public var spillFolder: String?
    /// How many document summaries the run holds in memory before it sets them all aside in a file
    /// (`DocumentSummaryWriter`); tests make it small.
    public var heldSummaries = 4096
    /// How many bytes of finished cases' code counts (`CaseCountTable.add(finishedCase:_:)`) a worker holds before it
    /// sets them aside in a file in `spillFolder`: a survey export has one such case a row. Tests make it small.
    public var heldFinishedCaseBytes = 4 << 20
    /// About how many bytes of cases kept by name (`CorpusTally.heldCaseBytes`) a worker holds before it sets them
    /// aside in a file in `spillFolder`, to be added up with their later counts when read: an export whose case
    /// column names every row has one such case a row. Tests make it small.
    public var heldCaseBytes = 8 << 20
    /// The `matches.csv` the consumer writes rows to, in order. When set, a huge document whose rows outgrow memory
    /// writes them to it straight away once it is the next one due there, moving in first what it set aside while
    /// it waited, rather than leaving all of them for the consumer to copy; the consumer then writes the rest
    /// (`DocumentAnalysis.matchRows`) as for any document. The consumer writes nothing else meanwhile: it is waiting
    /// for that very document.
    public var matchesFile: CSVStreamWriter?
    /// Bytes of rows a document keeps in memory before it sets them aside (`DocumentAnalyzer.rowSpillBytes`);
    /// tests make it small.
    var rowSpillBytes = DocumentAnalyzer.defaultRowSpillBytes
    /// When set, a document known to be the only one of its case (`soleCases`, `rowsAreOwnCases`) counts its words
    /// and terms towards the cases reaching this minimum at once (`CorpusTally.add(_:completingCaseAt:)`), so memory
    /// does not grow with such cases; tables must then ask for case counts at this minimum. Such documents are handed
    /// on with `completesCase` set.
    public var caseMinimum: Int?
    /// How many documents of one input make a part, analyzed by any worker and handed on as soon as the parts
    /// before it are: a survey export with a document per row would otherwise hold every row's tally, samples and
    /// rows until its last row was done (1.2 GB for 50,000 rows), on one core. Tests make it small.
    public var partDocuments = 64
    /// How many parts of a split input may be queued, analyzed or waiting to be handed on before its reader reads
    /// no further. The consumer may be slower than the workers (a shard that wrote every document's counts as JSON
    /// was); the analyses would then pile up unseen in the stream to it: 2.4 GB for a shard of 276,000 survey rows.
    var waitingPartsLimit = 16
    /// For a shard (`analyze --shard`): the inputs every shard reads, of which this one analyzes only its parts. An
    /// input of this shard's whose first part it does not analyze gives no warnings, no failure to read and no
    /// documents but its parts': the shard that analyzes its first part reports them.
    public var shardParts: ShardParts?

    public init(
        matcher: Matcher, loader: DocumentLoader = DocumentLoader(), contextLength: Int = 20,
        speakers: SpeakerSelection = .all, jobs: Int = 1, keepsDocuments: Bool = false,
        rowRenderer: MatchRowRenderer? = nil, wordList: WordListSettings? = nil
    ) {
        self.rowRenderer = rowRenderer
        self.wordList = wordList
        self.matcher = matcher
        self.loader = loader
        self.contextLength = contextLength
        self.speakers = speakers
        self.jobs = max(1, jobs)
        self.keepsDocuments = keepsDocuments
    }

    enum Outcome: Sendable {
        /// All the analyses of an input, with the input's warnings.
        case analyzed([DocumentAnalysis], [Diagnostic])
        /// An input of more than `partDocuments` documents was read and cut into this many parts, which any worker
        /// may analyze; the input's warnings.
        case split(parts: Int, [Diagnostic])
        /// The analyses of the part with this number of a split input.
        case part(Int, [DocumentAnalysis])
        case skipped(IngestionError)
        case failed(TextError)

        /// How many document analyses it carries.
        var analysisCount: Int {
            switch self {
            case .analyzed(let analyses, _), .part(_, let analyses): analyses.count
            case .split, .skipped, .failed: 0
            }
        }
    }

    /// Documents of a split input, waiting for a worker.
    struct PendingPart: Sendable {
        var input: Int
        var number: Int
        var documents: [Document]
    }

    /// The parts of split inputs not yet taken, oldest first, so parts are analyzed about in the order they are
    /// handed on.
    final class PartQueue: Sendable {
        private let state = LockedValue<(parts: [PendingPart], next: Int)>(([], 0))

        func append(_ parts: [PendingPart]) {
            state.withLock { state in
                // Parts of a streamed export keep coming while earlier ones are taken: taken slots are dropped
                // once they are half the list.
                if state.next > 64, state.next * 2 > state.parts.count {
                    state.parts.removeFirst(state.next)
                    state.next = 0
                }
                state.parts += parts
            }
        }

        /// How many parts wait to be taken.
        var waiting: Int {
            state.withLock { $0.parts.count - $0.next }
        }

        /// The oldest part, taken out of the queue.
        func next() -> PendingPart? {
            state.withLock { state in
                guard state.next < state.parts.count else { return nil }
                let part = state.parts[state.next]
                // The queue lets go of the documents, so the worker holds the only copy.
                state.parts[state.next].documents = []
                state.next += 1
                if state.next == state.parts.count { state = ([], 0) }
                return part
            }
        }
    }

    /// What has arrived for one input and is not yet handed on.
    struct Arrivals {
        /// The input's only outcome, when it was not split.
        var whole: Outcome?
        var partCount: Int?
        var warnings: [Diagnostic] = []
        var parts: [Int: [DocumentAnalysis]] = [:]
        var nextPart = 0

        mutating func record(_ outcome: Outcome) {
            switch outcome {
            case .split(let count, let warnings):
                partCount = count
                self.warnings = warnings
            case .part(let number, let analyses):
                parts[number] = analyses
            case .analyzed, .skipped, .failed:
                whole = outcome
            }
        }
    }

    private final class WorkCounter: Sendable {
        /// The next input to take.
        let next = Atomic<Int>(0)
        /// How many inputs have been passed on in order; workers wait when they are too far ahead of it. Stored
        /// after the consumer is done with them (releasing), so a worker that reads its own input's position here
        /// (acquiring) may write that input's rows to `matchesFile` itself.
        let delivered = Atomic<Int>(0)
        /// Workers taking or reading an input, whose parts, if it is split, are not yet queued.
        let reading = Atomic<Int>(0)
        /// Document analyses sent to the consumer and not yet handed on (`AnalysisResult.mostWaitingAnalyses`).
        let waiting = Atomic<Int>(0)
        /// The input the consumer is handing on, shifted left by 32 bits, and how many of its parts it has handed on.
        let partsHandedOn = Atomic<Int>(0)

        /// How many parts of `input` the consumer has handed on; 0 until it is handing that input on.
        func partsHandedOn(of input: Int) -> Int {
            let packed = partsHandedOn.load(ordering: .relaxed)
            return packed >> 32 == input ? packed & 0xFFFF_FFFF : 0
        }
    }

    /// Analyzes the inputs and keeps every match in the result; throws only when ICU itself fails.
    public func analyze(_ sources: [DocumentSource]) async throws(TextError) -> AnalysisResult {
        var matches: [Match] = []
        do {
            var result = try await analyze(sources) { analysis, documentIndex in
                matches += analysis.matches.map { match in
                    var renumbered = match
                    renumbered.document = documentIndex
                    return renumbered
                }
            }
            result.matches = matches
            return result
        } catch let error as TextError {
            throw error
        } catch {
            preconditionFailure("only the text pipeline throws here: \(error)")
        }
    }

    /// Analyzes the inputs and passes each document's analysis to `consume`, in input order, with the index the
    /// document has in the result's document list; the result holds no matches. Throws what ICU or `consume`
    /// throws.
    public func analyze(
        _ sources: [DocumentSource], consume: (DocumentAnalysis, Int) throws -> Void
    ) async throws -> AnalysisResult {
        let counter = WorkCounter()
        // As many workers as jobs even for fewer inputs: an input of many documents is cut into parts for all.
        let workers = jobs
        // Far enough ahead to keep every worker busy when documents differ in size, near enough to bound memory.
        let window = 8 * workers
        let sampler = samplesPerCode > 0 ? PassageSampler(perCode: samplesPerCode, codeCount: matcher.codes.count) : nil
        var assembly = Assembly(
            sampler: sampler, documents: DocumentSummaryWriter(heldDocuments: heldSummaries, folder: spillFolder),
            shardParts: shardParts)
        let queue = PartQueue()
        let (stream, continuation) = AsyncStream.makeStream(of: (Int, Outcome).self)
        let empty = CorpusTally(codeCount: matcher.codes.count, termCount: matcher.terms.count)
        // A shard asks of the whole run's inputs, so that what it finishes `merge` may finish too.
        let scope = shardParts?.allSources ?? sources
        let scopeSoleCases = caseMinimum == nil ? [:] : Self.soleCases(of: scope, options: loader.options)
        let soleCases = shardParts.map { parts in
            Dictionary(uniqueKeysWithValues: parts.positions.enumerated().compactMap { index, position in
                scopeSoleCases[position].map { (index, $0) }
            })
        } ?? scopeSoleCases
        let completingRows = caseMinimum != nil && Self.rowsAreOwnCases(of: scope, options: loader.options)
        var mostWaiting = 0
        // Each worker adds up the counts of the documents it analyzed, so merging (words, case tables, code pairs)
        // runs in parallel; merging is commutative and associative, so the sum does not depend on who did what.
        let tally = try await withThrowingTaskGroup(of: CorpusTally.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var local = empty
                    let analyzer: DocumentAnalyzer
                    do throws(TextError) {
                        analyzer = try DocumentAnalyzer(
                            matcher: matcher, contextLength: contextLength, speakers: speakers,
                            rowRenderer: rowRenderer, wordList: wordList, chunkLength: DocumentAnalyzer.defaultChunkLength,
                            rowSpillBytes: rowSpillBytes)
                        analyzer.samplesPerCode = samplesPerCode
                        analyzer.sampler = sampler
                        analyzer.keepsMatches = keepsMatches
                        analyzer.spillFolder = spillFolder
                    } catch {
                        let index = counter.next.add(1, ordering: .relaxed).oldValue
                        if index < sources.count { continuation.yield((index, .failed(error))) }
                        return local
                    }
                    var setAsideCases = SetAsideWriter(folder: spillFolder, prefix: ".themescan-cases")
                    /// Sends an input's outcome to the consumer, counting the analyses that will wait there.
                    func send(_ input: Int, _ outcome: Outcome) {
                        counter.waiting.add(outcome.analysisCount, ordering: .relaxed)
                        continuation.yield((input, outcome))
                    }
                    /// Adds the analyses to the worker's tally; a failure to set aside its cases fails the input.
                    func add(_ analyses: [DocumentAnalysis], outcome: inout Outcome) {
                        // By index: `for analysis in analyses` copied each analysis, a reference count on every
                        // field, twice a document, which a survey export's short rows felt.
                        for index in analyses.indices {
                            let minimum = analyses[index].completesCase ? caseMinimum : nil
                            local.add(analyses[index].tally, completingCaseAt: minimum)
                        }
                        do throws(TextError) {
                            if local.caseCodeOccurrences.heldFinishedBytes >= heldFinishedCaseBytes {
                                try local.caseCodeOccurrences.setAsideFinished(to: &setAsideCases)
                            }
                            if local.heldCaseBytes >= heldCaseBytes { try local.setAsideCases(to: &setAsideCases) }
                        } catch {
                            outcome = .failed(error)
                        }
                    }
                    /// Analyzes the oldest waiting part of a split input, if there is one.
                    func analyzeWaitingPart() -> Bool {
                        guard let part = queue.next() else { return false }
                        var outcome = analyze(part, with: analyzer, completingRows: completingRows)
                        if case .part(_, let analyses) = outcome { add(analyses, outcome: &outcome) }
                        send(part.input, outcome)
                        return true
                    }
                    while !Task.isCancelled {
                        // Parts of split inputs come first, so one input of many documents keeps every worker busy.
                        if analyzeWaitingPart() {
                            await Task.yield()
                            continue
                        }
                        // Counted as reading before taking an input, so a worker that finds none left knows
                        // whether one being read may still be cut into parts.
                        counter.reading.add(1, ordering: .sequentiallyConsistent)
                        let index = counter.next.add(1, ordering: .sequentiallyConsistent).oldValue
                        guard index < sources.count else {
                            counter.reading.subtract(1, ordering: .sequentiallyConsistent)
                            while counter.reading.load(ordering: .sequentiallyConsistent) > 0, !Task.isCancelled {
                                if !analyzeWaitingPart() { try? await Task.sleep(for: .milliseconds(1)) }
                            }
                            if analyzeWaitingPart() { continue }
                            break
                        }
                        while index - counter.delivered.load(ordering: .relaxed) > window, !Task.isCancelled {
                            if !analyzeWaitingPart() { try? await Task.sleep(for: .milliseconds(1)) }
                        }
                        var outcome = await process(
                            sources[index], input: index, with: analyzer, queue: queue, backlog: 2 * workers,
                            completingRows: completingRows, relieve: analyzeWaitingPart,
                            isDue: { counter.delivered.load(ordering: .acquiring) == index },
                            partsHandedOn: { counter.partsHandedOn(of: index) },
                            includesPart: { shardParts?.includes(input: index, part: $0) ?? true })
                        counter.reading.subtract(1, ordering: .sequentiallyConsistent)
                        // An input of many documents completes no case of its own; its rows may complete theirs.
                        if case .analyzed(var analyses, let warnings) = outcome {
                            if caseMinimum != nil, Self.completesCase(analyses, soleCase: soleCases[index]) {
                                analyses[0].completesCase = true
                                outcome = .analyzed(analyses, warnings)
                            }
                            add(analyses, outcome: &outcome)
                        }
                        send(index, outcome)
                        // Workers never wait otherwise; as many workers as cores would keep the task that writes
                        // results in order off the cores until the window filled.
                        await Task.yield()
                    }
                    return local
                }
            }
            defer { group.cancelAll() }
            // What arrived for the next input and those after it; parts of a split input arrive in any order.
            var arrivals: [Int: Arrivals] = [:]
            var nextIndex = 0
            var iterator = stream.makeAsyncIterator()
            while nextIndex < sources.count, let (index, outcome) = await iterator.next() {
                // Counted by the workers as they send, so analyses still in the stream count too.
                mostWaiting = max(mostWaiting, counter.waiting.load(ordering: .relaxed))
                arrivals[index, default: Arrivals()].record(outcome)
                let handedOn = assembly.documents.count
                defer { counter.waiting.subtract(assembly.documents.count - handedOn, ordering: .relaxed) }
                while var current = arrivals.removeValue(forKey: nextIndex) {
                    guard try assembly.handOn(&current, input: nextIndex, consume: consume) else {
                        arrivals[nextIndex] = current
                        break
                    }
                    nextIndex += 1
                    counter.delivered.store(nextIndex, ordering: .releasing)
                }
                counter.partsHandedOn.store(nextIndex << 32 | (arrivals[nextIndex]?.nextPart ?? 0), ordering: .relaxed)
            }
            continuation.finish()
            // Each worker's tally is merged into the largest, not into an empty one: with a case per survey row,
            // copying a worker's case tables held them twice at the end of the run.
            var locals: [CorpusTally] = []
            for try await local in group { locals.append(local) }
            locals.sort { $0.documents < $1.documents }
            // Taken out of the list, so the merge changes the only copy.
            guard var total = locals.popLast() else { return empty }
            while let local = locals.popLast() { total.merge(local) }
            return total
        }
        var result = AnalysisResult(
            codes: matcher.codes, terms: matcher.terms, documents: try assembly.documents.finish(), matches: [],
            tally: tally, diagnostics: assembly.diagnostics, skippedFiles: assembly.skipped)
        result.samples = sampler?.samples ?? [:]
        result.mostWaitingAnalyses = mostWaiting
        return result
    }

    /// The run's documents and diagnostics so far, in input order.
    struct Assembly {
        /// Takes each document's samples in order, and tells the workers which codes have enough.
        let sampler: PassageSampler?
        let documents: DocumentSummaryWriter
        var shardParts: ShardParts? = nil
        var diagnostics: [Diagnostic] = []
        var skipped: [String] = []

        /// Passes on what arrived for `input` that is next in order; whether the input is done.
        mutating func handOn(
            _ arrivals: inout Arrivals, input: Int, consume: (DocumentAnalysis, Int) throws -> Void
        ) throws -> Bool {
            // Taken rather than read, so that the analyses handed on are held once and change in place (`add`).
            switch arrivals.whole.take() {
            case .analyzed(let analyses, let warnings):
                try add(analyses, input: input, part: 0, consume: consume)
                diagnostics += warnings
                return true
            case .skipped(let error):
                skipped.append(error.path)
                diagnostics.append(error.diagnostic)
                return true
            case .failed(let error):
                throw error
            case .split, .part, nil:
                break
            }
            while let analyses = arrivals.parts.removeValue(forKey: arrivals.nextPart) {
                try add(analyses, input: input, part: arrivals.nextPart, consume: consume)
                arrivals.nextPart += 1
            }
            guard let count = arrivals.partCount, arrivals.nextPart == count else { return false }
            diagnostics += arrivals.warnings
            return true
        }

        private mutating func add(
            _ analyses: consuming [DocumentAnalysis], input: Int, part: Int,
            consume: (DocumentAnalysis, Int) throws -> Void
        ) throws {
            // Changed in place and lent to `consume`, not copied out of the list: see the worker's `add`.
            var analyses = analyses
            for index in analyses.indices {
                analyses[index].input = input
                analyses[index].part = shardParts?.recordedPart(input: input, part: part)
                sampler?.add(analyses[index].samples, document: documents.count)
                try consume(analyses[index], documents.count)
                try documents.append(analyses[index].summary)
            }
        }
    }

    /// Reads one input and analyzes it whole, or, when it holds more than `partDocuments` documents, cuts it into
    /// parts of that many for any worker to analyze (`queue`) and says how many.
    ///
    /// A streamed export's parts are queued as its rows are read, once every input before it has been handed on
    /// (`isDue`); while more than `backlog` parts wait, the reader analyzes one itself (`relieve`, which says whether
    /// there was one), so that reading never runs far ahead of analyzing, and while more than `waitingPartsLimit`
    /// parts are not yet handed on (`partsHandedOn`), it reads no further, so that it never runs far ahead of the
    /// consumer either. Parts the shard does not include (`includesPart`) are queued empty, and an input whose first
    /// part it does not include gives no warnings and no failure to read. Should such a file fail
    /// after documents were read, those documents stand and the failure is reported with them.
    private func process(
        _ source: DocumentSource, input: Int, with analyzer: DocumentAnalyzer, queue: PartQueue, backlog: Int,
        completingRows: Bool, relieve: () -> Bool, isDue: @escaping () -> Bool, partsHandedOn: () -> Int,
        includesPart: (Int) -> Bool
    ) async -> Outcome {
        var first: [Document]?
        var partCount = 0
        var failure: IngestionError?
        var batches: DocumentBatches
        do throws(IngestionError) {
            batches = try loader.batches(source, batchSize: partDocuments)
        } catch {
            return includesPart(0) ? .skipped(error) : .analyzed([], [])
        }
        // Another shard's part: its documents were read, to find the parts after it, and are dropped unanalyzed.
        func kept(_ documents: [Document], part: Int) -> [Document] { includesPart(part) ? documents : [] }
        do throws(IngestionError) {
            while let batch = try batches.next() {
                guard partCount > 0 || first != nil else {
                    first = batch
                    continue
                }
                // A second batch: the input is split. Its parts wait until every input before it is handed on,
                // the reader helping with their parts meanwhile: a second survey export analyzed while the first
                // was not yet handed on was held whole, each row's counts with it (6.6 GB for two exports of
                // 276,000 rows on two threads).
                while partCount == 0, !isDue(), !Task.isCancelled {
                    if !relieve() { try? await Task.sleep(for: .milliseconds(1)) }
                }
                if let held = first.take() {
                    queue.append([PendingPart(input: input, number: 0, documents: kept(held, part: 0))])
                    partCount = 1
                }
                queue.append([PendingPart(input: input, number: partCount, documents: kept(batch, part: partCount))])
                partCount += 1
                while queue.waiting > backlog { _ = relieve() }
                // The input is due, so the consumer hands on its parts as they arrive, and every part not yet handed
                // on is queued or being analyzed: waiting here cannot keep the consumer waiting.
                while partCount - partsHandedOn() > waitingPartsLimit, !Task.isCancelled {
                    if !relieve() { try? await Task.sleep(for: .milliseconds(1)) }
                }
                // Lets the task that writes results in order run between the parts of a long export.
                await Task.yield()
            }
        } catch {
            guard partCount > 0 || first != nil else { return includesPart(0) ? .skipped(error) : .analyzed([], []) }
            failure = error
        }
        let warnings = includesPart(0) ? batches.warnings + (failure.map { [$0.partialDiagnostic] } ?? []) : []
        guard partCount == 0 else { return .split(parts: partCount, warnings) }
        do throws(TextError) {
            return .analyzed(
                try analyze(kept(first ?? [], part: 0), with: analyzer, completingRows: completingRows, firstIsDue: isDue),
                warnings)
        } catch {
            return .failed(error)
        }
    }

    /// Analyzes a part of a split input.
    private func analyze(_ part: consuming PendingPart, with analyzer: DocumentAnalyzer, completingRows: Bool) -> Outcome {
        // Moved out of the part, so the analyzer holds the only copy of each document and can let its text go.
        var documents: [Document] = []
        swap(&documents, &part.documents)
        do throws(TextError) {
            return .part(part.number, try analyze(consume documents, with: analyzer, completingRows: completingRows))
        } catch {
            return .failed(error)
        }
    }

    /// Analyzes documents in order. Each is taken out of the list before it is analyzed, so the analyzer holds
    /// its only copy and can let its text go. With `completingRows`, a table row that is its own case completes
    /// it: a survey export with a case per row then keeps no per-case word and term tables.
    ///
    /// `firstIsDue` tells whether the first document is the next one due in `matchesFile`, so that it may write
    /// its rows there itself; the documents after it wait in `analyses` until all are done, so they never are.
    private func analyze(
        _ documents: consuming [Document], with analyzer: DocumentAnalyzer, completingRows: Bool,
        firstIsDue: (() -> Bool)? = nil
    ) throws(TextError) -> [DocumentAnalysis] {
        // The list is this function's own (callers hand it over with `consume`), so it is reversed in place.
        documents.reverse()
        var analyses: [DocumentAnalysis] = []
        analyses.reserveCapacity(documents.count)
        defer { analyzer.dueRowsFile = nil }
        while let document = documents.popLast() {
            if analyses.isEmpty, let firstIsDue, let matchesFile {
                analyzer.dueRowsFile = { firstIsDue() ? matchesFile : nil }
            } else {
                analyzer.dueRowsFile = nil
            }
            // Appended as returned and finished in place: finished in a variable first, each analysis was copied
            // into the list and the variable's copy released, a reference count on every field.
            if keepsDocuments {
                analyses.append(try analyzer.analyze(document, index: 0))
                analyses[analyses.count - 1].document = document
            } else {
                analyses.append(try analyzer.analyze(consume document, index: 0))
            }
            if completingRows, Self.isOwnCaseRow(analyses[analyses.count - 1].summary) {
                analyses[analyses.count - 1].completesCase = true
            }
        }
        return analyses
    }
}
