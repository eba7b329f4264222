import ArgumentParser
import Foundation
import ThemeScanKit

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Match a codebook against documents and write counts and matches as CSV.",
        discussion: """
            Reads transcripts (.txt, .md, .vtt, .srt, .docx), survey exports (.csv, .tsv, .xlsx, .xls; one \
            document per row), web pages (.html) and XML. Folders are read recursively. Each file is its own \
            case unless a manifest or a case column says otherwise. Results appear in the output folder only \
            when the run succeeds.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(
        name: .customLong("lexicon"),
        help: ArgumentHelp("A codebook (.yaml, .yml or .csv); repeat to combine several.", valueName: "file"))
    var lexicons: [String]

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write results into.", valueName: "dir"))
    var output: String

    @Flag(name: .customLong("no-simplify"), help: "Do not convert Traditional Chinese to Simplified before matching.")
    var noSimplify = false

    @Option(help: ArgumentHelp("Label languages for codes.csv, in order of preference.", valueName: "lang"))
    var labelLanguage: [String] = ["zh", "en"]

    @Flag(help: "Fail, and write nothing, when any input has an error.")
    var strict = false

    func validate() throws {
        guard !lexicons.isEmpty else { throw ValidationError("give a codebook with --lexicon FILE") }
    }

    func run() async throws {
        let reporter = DiagnosticReporter()
        let classifier = CharacterClassifier()
        let loader = CodebookLoader(classifier: classifier)
        var codebooks: [Codebook] = []
        do {
            for path in lexicons {
                let (codebook, warnings) = try loader.load(path: path)
                warnings.forEach(reporter.report)
                codebooks.append(codebook)
            }
            let codebook = try Codebook.combining(codebooks)
            let normalization = NormalizationOptions(simplifyChinese: !noSimplify)
            let matcher = try Matcher(codebook: codebook, normalization: normalization, classifier: classifier)

            let (sources, inputDiagnostics) = try input.sources()
            inputDiagnostics.forEach(reporter.report)

            let analyzer = CorpusAnalyzer(
                matcher: matcher, loader: DocumentLoader(options: input.ingestionOptions), speakers: input.speakers,
                jobs: input.jobs)
            // Matches go to disk as documents finish, so memory does not grow with the corpus.
            let staging = try OutputDirectory(path: output, ownedNames: AnalysisResult.outputFileNames).begin()
            let result: AnalysisResult
            do {
                let matchesFile = try CSVStreamWriter(
                    path: staging.path(for: "matches.csv"), header: AnalysisResult.matchesHeader)
                result = try await analyzer.analyze(sources) { analysis, _ in
                    for match in analysis.matches {
                        for row in AnalysisResult.matchRows(
                            match, in: analysis.summary, codes: matcher.codes, terms: matcher.terms)
                        {
                            try matchesFile.append(row)
                        }
                    }
                }
                try matchesFile.close()
            } catch {
                staging.discard()
                throw error
            }
            result.diagnostics.forEach(reporter.report)

            let all = inputDiagnostics + result.diagnostics
            let errors = all.filter { $0.severity == .error }.count
            let warnings = all.filter { $0.severity == .warning }.count
            reporter.summarize(result: result, errors: errors, warnings: warnings)
            guard !result.documents.isEmpty else {
                staging.discard()
                reporter.fail("no document could be read; nothing written")
                throw ExitCode.failure
            }
            guard !(strict && errors > 0) else {
                staging.discard()
                reporter.fail("--strict: \(errors) error(s); nothing written")
                throw ExitCode.failure
            }
            do throws(OutputError) {
                for file in result.summaryFiles(options: TableOptions(labelLanguages: labelLanguage)) {
                    try staging.write(file.name, contents: file.contents)
                }
                try staging.commit()
            } catch {
                staging.discard()
                throw error
            }
            reporter.note("results written to \(output)")
        } catch let error as IngestionError {
            reporter.fail(error.description)
            throw ExitCode.failure
        } catch let error as CodebookError {
            reporter.fail(error.description)
            throw ExitCode.failure
        } catch let error as OutputError {
            reporter.fail(error.description)
            throw ExitCode.failure
        } catch let error as TextError {
            reporter.fail("error: \(error)")
            throw ExitCode.failure
        }
    }
}
