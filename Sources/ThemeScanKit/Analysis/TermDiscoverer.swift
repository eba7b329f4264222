import Synchronization

/// Proposes the terms a codebook is missing: recurring word sequences that hold together, and words distinctive
/// of some cases.
///
/// Documents are counted on several workers (each with its own ICU handles) into mergeable `NgramTally`s, so the
/// result does not depend on the number of workers. Then:
/// - multi-word candidates (2 to `maximumLength` Han or alphabetic words) must pass the frequency floor, must not
///   start or end with a stopword, and every split into two parts must be a significant attraction (Dunning's G²);
///   they are ranked by C-value, which discounts a string by the longer candidates it occurs inside;
/// - single words must pass the same floor and are ranked by their highest TF-IDF in any case;
/// - with a reference corpus, every candidate is ranked by its keyness (signed G²) against it instead.
/// A candidate that a codebook term matches whole is left out; one that merely contains a term names its code.
public struct TermDiscoverer: Sendable {
    /// The codebook's compiled terms, to leave out what it already has; nil when discovering without one.
    public let matcher: Matcher?
    public let normalization: NormalizationOptions
    public var stopwords: StopwordList
    public var settings: DiscoverySettings
    public var loader: DocumentLoader
    public var speakers: SpeakerSelection
    public var jobs: Int
    private let classifier: CharacterClassifier
    private let traditional: TraditionalCharacterSet?

    public init(
        matcher: Matcher?, stopwords: StopwordList = StopwordList(), settings: DiscoverySettings = DiscoverySettings(),
        loader: DocumentLoader = DocumentLoader(), speakers: SpeakerSelection = .all, jobs: Int = 1,
        classifier: CharacterClassifier = CharacterClassifier(),
        normalization: NormalizationOptions = NormalizationOptions()
    ) throws(TextError) {
        self.matcher = matcher
        self.normalization = matcher?.normalization ?? normalization
        self.stopwords = stopwords
        self.settings = settings
        self.loader = loader
        self.speakers = speakers
        self.jobs = max(1, jobs)
        self.classifier = classifier
        if let matcher {
            traditional = matcher.traditionalCharacters
        } else {
            traditional = self.normalization.simplifyChinese ? try TraditionalCharacterSet() : nil
        }
    }

    /// A counter for one worker.
    public func makeCounter() throws(TextError) -> NgramCounter {
        try NgramCounter(
            normalization: normalization, traditional: traditional, classifier: classifier,
            maximumLength: settings.maximumLength, speakers: speakers)
    }

    /// Reads and counts the inputs, then ranks the candidates; throws only when ICU itself fails.
    public func discover(_ sources: [DocumentSource], reference: ReferenceCorpus? = nil) async throws(TextError)
        -> DiscoveryResult
    {
        let counted = try await tally(sources)
        var diagnostics = counted.diagnostics
        if counted.tally.tokens == 0 {
            diagnostics.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: "themescan"),
                    "the corpus has no words to discover terms in; the candidate table is empty"))
        }
        return DiscoveryResult(
            tally: counted.tally, candidates: candidates(from: counted.tally, reference: reference),
            hasReference: reference != nil, diagnostics: diagnostics, skippedFiles: counted.skipped)
    }

    /// Counts documents already read, in order; for callers that hold documents rather than files.
    public func tally(documents: [Document]) throws(TextError) -> NgramTally {
        let counter = try makeCounter()
        var tally = NgramTally()
        for (index, document) in documents.enumerated() { tally.merge(try counter.count(document, index: index)) }
        return tally
    }

    private final class WorkCounter: Sendable {
        let next = Atomic<Int>(0)
    }

    /// One worker's share: its tally, and what it met, by input index.
    private struct Share: Sendable {
        var tally = NgramTally()
        var diagnostics: [(index: Int, diagnostics: [Diagnostic])] = []
        var skipped: [(index: Int, path: String)] = []
        var failure: TextError?
    }

    /// Reads and counts the inputs on `jobs` workers; documents are numbered in input order.
    public func tally(_ sources: [DocumentSource]) async throws(TextError)
        -> (tally: NgramTally, diagnostics: [Diagnostic], skipped: [String])
    {
        let counter = WorkCounter()
        let workers = min(jobs, max(1, sources.count))
        var shares: [Share] = []
        await withTaskGroup(of: Share.self) { group in
            for _ in 0..<workers {
                group.addTask { work(sources, counter: counter) }
            }
            for await share in group { shares.append(share) }
        }
        if let failure = shares.compactMap(\.failure).first { throw failure }
        var tally = NgramTally()
        for share in shares { tally.merge(share.tally) }
        let diagnostics = shares.flatMap(\.diagnostics).sorted { $0.index < $1.index }.flatMap(\.diagnostics)
        let skipped = shares.flatMap(\.skipped).sorted { $0.index < $1.index }.map(\.path)
        return (tally, diagnostics, skipped)
    }

    /// One worker's loop: take the next input, read it, count its documents.
    private func work(_ sources: [DocumentSource], counter: WorkCounter) -> Share {
        var share = Share()
        let ngramCounter: NgramCounter
        do throws(TextError) {
            ngramCounter = try makeCounter()
        } catch {
            share.failure = error
            return share
        }
        while !Task.isCancelled {
            let index = counter.next.add(1, ordering: .relaxed).oldValue
            guard index < sources.count else { break }
            let read: ReadResult
            do throws(IngestionError) {
                read = try loader.load(sources[index])
            } catch {
                share.skipped.append((index, error.path))
                share.diagnostics.append((index, [error.diagnostic]))
                continue
            }
            if !read.warnings.isEmpty { share.diagnostics.append((index, read.warnings)) }
            for (offset, document) in read.documents.enumerated() {
                // Rows of one file share the file's input index; the offset keeps their examples in order.
                let order = index * 1_000_000 + min(offset, 999_999)
                do throws(TextError) {
                    share.tally.merge(try ngramCounter.count(document, index: order))
                } catch {
                    share.failure = error
                    return share
                }
            }
        }
        return share
    }
}
