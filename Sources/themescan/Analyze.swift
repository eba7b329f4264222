import ArgumentParser
import Foundation
import ThemeScanKit

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Match a codebook against documents and write counts and matches as CSV.",
        discussion: """
            Each .txt or .md file is a document and, for now, its own case. Folders are read recursively. \
            Results appear in the output folder only when the run succeeds.
            """
    )

    @Argument(help: ArgumentHelp("Files or folders to analyze.", valueName: "input"))
    var inputs: [String]

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

    @Option(help: ArgumentHelp("Documents analyzed at once; the default is the number of cores.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Fail, and write nothing, when any input has an error.")
    var strict = false

    func validate() throws {
        guard !lexicons.isEmpty else { throw ValidationError("give a codebook with --lexicon FILE") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
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

            var walker = InputWalker()
            let sources = walker.sources(for: inputs)
            walker.diagnostics.forEach(reporter.report)

            let analyzer = CorpusAnalyzer(matcher: matcher, jobs: jobs)
            let result = try await analyzer.analyze(sources)
            result.diagnostics.forEach(reporter.report)

            let errors = (walker.diagnostics + result.diagnostics).filter { $0.severity == .error }.count
            let warnings = (walker.diagnostics + result.diagnostics).filter { $0.severity == .warning }.count
            reporter.summarize(result: result, errors: errors, warnings: warnings)
            guard !result.documents.isEmpty else {
                reporter.fail("no document could be read; nothing written")
                throw ExitCode.failure
            }
            guard !(strict && errors > 0) else {
                reporter.fail("--strict: \(errors) error(s); nothing written")
                throw ExitCode.failure
            }
            let files = result.outputFiles(options: TableOptions(labelLanguages: labelLanguage))
            try OutputDirectory(path: output, ownedNames: AnalysisResult.outputFileNames).write(files)
            reporter.note("results written to \(output)")
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
