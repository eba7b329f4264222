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

    @Option(
        name: .customLong("shard"),
        help: ArgumentHelp(
            "Analyze only part I of N of the inputs (those at positions I-1, I-1+N, … of the sorted input list) and write a partial result for `themescan merge`.",
            valueName: "I/N"))
    var shardOption: String?

    @Flag(help: "Fail, and write nothing, when any input has an error.")
    var strict = false

    func validate() throws {
        guard !lexicons.isEmpty else { throw ValidationError("give a codebook with --lexicon FILE") }
        if let shardOption, Shard(parsing: shardOption) == nil {
            throw ValidationError("--shard takes I/N with 1 <= I <= N, such as 2/8; got '\(shardOption)'")
        }
    }

    func run() async throws {
        let reporter = DiagnosticReporter()
        let classifier = CharacterClassifier()
        do {
            let codebook = try reporter.loadCodebook(lexicons, classifier: classifier)
            let normalization = NormalizationOptions(simplifyChinese: !noSimplify)
            let matcher = try Matcher(codebook: codebook, normalization: normalization, classifier: classifier)

            var (sources, inputDiagnostics) = try input.sources()
            inputDiagnostics.forEach(reporter.report)
            // A shard takes every N-th input of the full list, so all shards together read each input once.
            let positions = sources.indices.filter { shard?.includes(position: $0) ?? true }
            let inputCount = sources.count
            sources = positions.map { sources[$0] }
            var partialDocuments: [PartialDocument] = []

            let analyzer = CorpusAnalyzer(
                matcher: matcher, loader: DocumentLoader(options: input.ingestionOptions), speakers: input.speakers,
                jobs: input.jobs, rowRenderer: MatchRowRenderer(codes: matcher.codes, terms: matcher.terms))
            // Matches go to disk as documents finish, so memory does not grow with the corpus.
            let staging = try OutputDirectory(path: output, ownedNames: AnalysisResult.outputFileNames).begin()
            let result: AnalysisResult
            do {
                let matchesFile = try CSVStreamWriter(
                    path: staging.path(for: "matches.csv"), header: AnalysisResult.matchesHeader)
                result = try await analyzer.analyze(sources) { analysis, _ in
                    if let spilled = analysis.spilledMatchRows { try matchesFile.append(movingRowsFrom: spilled) }
                    try matchesFile.append(rendered: analysis.matchRows)
                    if shard != nil { partialDocuments.append(PartialDocument(analysis, input: positions[analysis.input])) }
                }
                try matchesFile.close()
            } catch {
                staging.discard()
                throw error
            }
            result.diagnostics.forEach(reporter.report)

            let errors = reporter.summarize(result: result, diagnostics: inputDiagnostics + result.diagnostics)
            // A shard may hold no readable document; the merge decides whether the run as a whole has any.
            guard !result.documents.isEmpty || shard != nil else {
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
                let options = TableOptions(labelLanguages: labelLanguage)
                for file in result.summaryFiles(options: options) {
                    try staging.write(file.name, contents: file.contents)
                }
                if let shard {
                    let partial = PartialResult(
                        shard: shard, inputCount: inputCount, codebook: try codebookIdentity(), settings: try settings(),
                        codes: result.codeColumns(options: options), terms: result.termColumns(),
                        documents: partialDocuments)
                    try staging.write(PartialResult.fileName, contents: partial.encoded())
                }
                try staging.commit()
            } catch {
                staging.discard()
                throw error
            }
            reporter.note("results written to \(output)")
        } catch {
            throw reporter.fatal(error)
        }
    }

    /// The part of the inputs to analyze, from `--shard` (checked by `validate`).
    var shard: Shard? { shardOption.flatMap(Shard.init(parsing:)) }

    /// The identity of the codebook files, in the order given.
    func codebookIdentity() throws(OutputError) -> String {
        PartialResult.identity(of: try lexicons.map { path throws(OutputError) in try Self.bytes(of: path) })
    }

    /// The options that change what a run counts or writes, for `merge` to compare across shards.
    func settings() throws(OutputError) -> String {
        var parts = [
            "speakers=\(input.speakers.rawValue)", "simplify=\(!noSimplify)",
            "label-language=\(labelLanguage.joined(separator: ","))", "interviewer=\(input.interviewer.joined(separator: ","))",
            "text-column=\(input.textColumn.joined(separator: ","))", "case-column=\(input.caseColumn ?? "")", "sheet=\(input.sheet ?? "")",
            "xpath=\(input.xpath ?? "")", "case-xpath=\(input.caseXpath ?? "")", "text-xpath=\(input.textXpath ?? "")",
            "format=\(input.format?.rawValue ?? "")", "encoding=\(input.encoding ?? "")", "max-entry-size=\(input.maxEntrySize)",
        ]
        if let manifest = input.manifest { parts.append("manifest=\(PartialResult.identity(of: [try Self.bytes(of: manifest)]))") }
        return parts.joined(separator: "; ")
    }

    private static func bytes(of path: String) throws(OutputError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .writeFailed(path: path, reason: "cannot read it again to record its identity")
        }
        return [UInt8](data)
    }
}
