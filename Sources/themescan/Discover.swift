import ArgumentParser
import Foundation
import ThemeScanKit

struct Discover: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose terms a codebook is missing, ranked, as candidates.csv.",
        discussion: """
            Counts every run of up to four neighbouring words (Han words as ICU splits them, or alphabetic words), \
            keeps those seen at least --min-occurrences times in at least --min-documents documents whose words \
            hold together (log-likelihood G² ≥ 10.83 for every split) and that neither start nor end with a \
            stopword, and ranks them by C-value, so 心理健康教育 outranks its fragments. Single words follow, ranked \
            by TF-IDF across cases. With --reference, everything is ranked by keyness against an earlier run's \
            corpus instead. Candidates a codebook term matches whole are left out; those containing a term name \
            its code in covered_by.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(
        name: .customLong("lexicon"),
        help: ArgumentHelp(
            "A codebook (.yaml, .yml or .csv) whose terms are not proposed again; repeatable.", valueName: "file"))
    var lexicons: [String] = []

    @Option(
        name: .customLong("out"),
        help: ArgumentHelp("The folder to write candidates.csv and ngrams.csv into.", valueName: "dir"))
    var output: String

    @Option(
        help: ArgumentHelp(
            "The output folder of an earlier discover run (another year, or a general corpus) to rank by keyness against.",
            valueName: "run-dir"))
    var reference: String?

    @OptionGroup var stopwords: StopwordOptions

    @Option(help: ArgumentHelp("The fewest occurrences a candidate needs.", valueName: "n"))
    var minOccurrences: Int = DiscoverySettings().minimumOccurrences

    @Option(help: ArgumentHelp("The fewest documents a candidate must occur in.", valueName: "n"))
    var minDocuments: Int = DiscoverySettings().minimumDocuments

    @Option(help: ArgumentHelp("The most candidates of each kind (multi-word, single word) to list.", valueName: "n"))
    var limit: Int = DiscoverySettings().limit

    @Flag(name: .customLong("no-simplify"), help: "Do not convert Traditional Chinese to Simplified before counting.")
    var noSimplify = false


    func validate() throws {
        guard minOccurrences >= 1 else { throw ValidationError("--min-occurrences must be at least 1") }
        guard minDocuments >= 1 else { throw ValidationError("--min-documents must be at least 1") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() async throws {
        let reporter = DiagnosticReporter()
        let classifier = CharacterClassifier()
        do {
            let normalization = NormalizationOptions(simplifyChinese: !noSimplify)
            var matcher: Matcher?
            if !lexicons.isEmpty {
                matcher = try Matcher(
                    codebook: try reporter.loadCodebook(lexicons, classifier: classifier), normalization: normalization,
                    classifier: classifier)
            }
            // Checked before the corpus is read, so a wrong folder fails at once.
            let referenceCorpus = try reference.map { directory throws(DiscoveryError) in
                try ReferenceCorpus.load(directory: directory)
            }
            let stopwords = try self.stopwords.load(normalization: normalization, matcher: matcher, reporter: reporter)

            let (sources, inputDiagnostics) = try input.sources()
            inputDiagnostics.forEach(reporter.report)
            let settings = DiscoverySettings(
                minimumOccurrences: minOccurrences, minimumDocuments: minDocuments, limit: limit)
            let discoverer = try TermDiscoverer(
                matcher: matcher, stopwords: stopwords, settings: settings,
                loader: DocumentLoader(options: input.ingestionOptions), speakers: input.speakers, jobs: input.jobs,
                classifier: classifier, normalization: normalization)
            let result = try await discoverer.discover(sources, reference: referenceCorpus)
            result.diagnostics.forEach(reporter.report)

            let tally = result.tally
            reporter.summarize(
                "\(tally.documents) document(s), \(tally.tokens) tokens, \(result.candidates.count) candidate(s)",
                skippedFiles: result.skippedFiles, diagnostics: inputDiagnostics + result.diagnostics)
            try OutputDirectory(path: output, ownedNames: DiscoveryResult.outputFileNames).write(result.outputFiles())
            reporter.note("candidates written to \(output)")
        } catch {
            throw reporter.fatal(error)
        }
    }
}
