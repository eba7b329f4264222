import Synchronization

/// Analyzes many documents on several cores and merges the results in input order.
///
/// Workers take the next unread input from a shared counter; each document is read, analyzed and reduced to its
/// tally and matches before the worker moves on. Results are put back in input order before merging, so the
/// outcome does not depend on which worker finished first.
public struct CorpusAnalyzer: Sendable {
    public let matcher: Matcher
    public var loader: DocumentLoader
    public var contextLength: Int
    public var speakers: SpeakerSelection
    public var jobs: Int

    public init(
        matcher: Matcher, loader: DocumentLoader = DocumentLoader(), contextLength: Int = 20,
        speakers: SpeakerSelection = .all, jobs: Int = 1
    ) {
        self.matcher = matcher
        self.loader = loader
        self.contextLength = contextLength
        self.speakers = speakers
        self.jobs = max(1, jobs)
    }

    private enum Outcome: Sendable {
        case analyzed([DocumentAnalysis], [Diagnostic])
        case skipped(IngestionError)
        case failed(TextError)
    }

    private final class WorkCounter: Sendable {
        let next = Atomic<Int>(0)
    }

    /// Analyzes the inputs; throws only when ICU itself fails.
    public func analyze(_ sources: [DocumentSource]) async throws(TextError) -> AnalysisResult {
        let counter = WorkCounter()
        let workers = min(jobs, max(1, sources.count))
        var outcomes = [Outcome?](repeating: nil, count: sources.count)
        await withTaskGroup(of: [(Int, Outcome)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done: [(Int, Outcome)] = []
                    let analyzer: DocumentAnalyzer
                    do throws(TextError) {
                        analyzer = try DocumentAnalyzer(matcher: matcher, contextLength: contextLength, speakers: speakers)
                    } catch {
                        let index = counter.next.add(1, ordering: .relaxed).oldValue
                        if index < sources.count { done.append((index, .failed(error))) }
                        return done
                    }
                    while true {
                        let index = counter.next.add(1, ordering: .relaxed).oldValue
                        guard index < sources.count else { break }
                        done.append((index, process(sources[index], index: index, with: analyzer)))
                    }
                    return done
                }
            }
            for await batch in group {
                for (index, outcome) in batch { outcomes[index] = outcome }
            }
        }
        return try assemble(outcomes)
    }

    private func process(_ source: DocumentSource, index: Int, with analyzer: DocumentAnalyzer) -> Outcome {
        do throws(IngestionError) {
            let read = try loader.load(source)
            do throws(TextError) {
                var analyses: [DocumentAnalysis] = []
                for document in read.documents {
                    analyses.append(try analyzer.analyze(document, index: index))
                }
                return .analyzed(analyses, read.warnings)
            } catch {
                return .failed(error)
            }
        } catch {
            return .skipped(error)
        }
    }

    private func assemble(_ outcomes: [Outcome?]) throws(TextError) -> AnalysisResult {
        var tally = CorpusTally(codeCount: matcher.codes.count, termCount: matcher.terms.count)
        var documents: [DocumentSummary] = []
        var matches: [Match] = []
        var diagnostics: [Diagnostic] = []
        var skipped: [String] = []
        for outcome in outcomes {
            switch outcome {
            case .analyzed(let analyses, let warnings):
                for analysis in analyses {
                    let documentIndex = documents.count
                    documents.append(analysis.summary)
                    matches += analysis.matches.map { match in
                        var renumbered = match
                        renumbered.document = documentIndex
                        return renumbered
                    }
                    tally.merge(CorpusTally(analysis.tally))
                }
                diagnostics += warnings
            case .skipped(let error):
                skipped.append(error.path)
                diagnostics.append(error.diagnostic)
            case .failed(let error):
                throw error
            case nil:
                // A worker that could not start leaves its inputs to the others; none is left unprocessed.
                continue
            }
        }
        return AnalysisResult(
            codes: matcher.codes, terms: matcher.terms, documents: documents, matches: matches, tally: tally,
            diagnostics: diagnostics, skippedFiles: skipped)
    }
}
