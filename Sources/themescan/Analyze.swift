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

    @Argument(help: ArgumentHelp("Files or folders to analyze; with --manifest alone, the files it lists.", valueName: "input"))
    var inputs: [String] = []

    @Option(
        name: .customLong("lexicon"),
        help: ArgumentHelp("A codebook (.yaml, .yml or .csv); repeat to combine several.", valueName: "file"))
    var lexicons: [String]

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write results into.", valueName: "dir"))
    var output: String

    @Option(
        help: ArgumentHelp(
            "A CSV file describing the inputs: `file`, then `case`, `year`, `interviewer`, reading settings and any other metadata.",
            valueName: "file"))
    var manifest: String?

    @Option(help: ArgumentHelp("Which speakers' turns to count: all, respondent (drops interviewer turns) or interviewer."))
    var speakers: SpeakerSelection = .all

    @Option(
        help: ArgumentHelp(
            "A speaker label that marks interviewer turns, added to the built-in list (访谈者, 主持人, 问, Interviewer, Q…); repeatable.",
            valueName: "label"))
    var interviewer: [String] = []

    @Option(
        help: ArgumentHelp(
            "A spreadsheet column holding free text, by header, 1-based number or letter; repeatable. Default: chosen from the data.",
            valueName: "column"))
    var textColumn: [String] = []

    @Option(help: ArgumentHelp("The spreadsheet column naming each row's case (program).", valueName: "column"))
    var caseColumn: String?

    @Option(help: ArgumentHelp("The XLSX sheet to read, by name or 1-based number (default: the first).", valueName: "sheet"))
    var sheet: String?

    @Option(help: ArgumentHelp("HTML: keep only these nodes. XML: one document per matched node.", valueName: "expr"))
    var xpath: String?

    @Option(help: ArgumentHelp("XML: the case of each --xpath node, relative to it.", valueName: "expr"))
    var caseXpath: String?

    @Option(help: ArgumentHelp("XML: the text of each --xpath node, relative to it.", valueName: "expr"))
    var textXpath: String?

    @Option(help: ArgumentHelp("Read every input as this format instead of sniffing it.", valueName: "format"))
    var format: DocumentFormat?

    @Option(
        help: ArgumentHelp(
            "Decode text inputs with this encoding (GB18030, Big5, UTF-16LE, Shift_JIS…) instead of detecting it.",
            valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("The most MiB one entry of a .docx or .xlsx may inflate to.", valueName: "mib"))
    var maxEntrySize: Int = IngestionOptions.defaultMaximumEntryBytes >> 20

    @Flag(name: .customLong("no-simplify"), help: "Do not convert Traditional Chinese to Simplified before matching.")
    var noSimplify = false

    @Option(help: ArgumentHelp("Label languages for codes.csv, in order of preference.", valueName: "lang"))
    var labelLanguage: [String] = ["zh", "en"]

    @Option(help: ArgumentHelp("Documents analyzed at once; the default is the number of cores.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

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
        guard !inputs.isEmpty || manifest != nil else {
            throw ValidationError("give files or folders to analyze, or a --manifest listing them")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxEntrySize >= 1 else { throw ValidationError("--max-entry-size must be at least 1 (MiB)") }
        if let shardOption, Shard(parsing: shardOption) == nil {
            throw ValidationError("--shard takes I/N with 1 <= I <= N, such as 2/8; got '\(shardOption)'")
        }
        if (caseXpath != nil || textXpath != nil) && xpath == nil {
            throw ValidationError("--case-xpath and --text-xpath are relative to --xpath; give --xpath too")
        }
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

            var inputDiagnostics: [Diagnostic] = []
            var loadedManifest: Manifest?
            if let manifest {
                let (loaded, warnings) = try Manifest.load(path: manifest)
                inputDiagnostics += warnings
                loadedManifest = loaded
            }
            var walker = InputWalker(excluding: loadedManifest.map { [$0.path] } ?? [])
            var sources = walker.sources(for: inputs.isEmpty ? loadedManifest?.files ?? [] : inputs)
            inputDiagnostics += walker.diagnostics
            if let loadedManifest {
                let (described, warnings) = loadedManifest.apply(to: sources)
                sources = described
                inputDiagnostics += warnings
            }
            inputDiagnostics.forEach(reporter.report)
            // A shard takes every N-th input of the full list, so all shards together read each input once.
            let positions = sources.indices.filter { shard?.includes(position: $0) ?? true }
            let inputCount = sources.count
            sources = positions.map { sources[$0] }
            var partialDocuments: [PartialDocument] = []

            let analyzer = CorpusAnalyzer(
                matcher: matcher, loader: DocumentLoader(options: ingestionOptions), speakers: speakers, jobs: jobs,
                rowRenderer: MatchRowRenderer(codes: matcher.codes, terms: matcher.terms))
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

            let all = inputDiagnostics + result.diagnostics
            let errors = all.filter { $0.severity == .error }.count
            let warnings = all.filter { $0.severity == .warning }.count
            reporter.summarize(result: result, errors: errors, warnings: warnings)
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

    /// The part of the inputs to analyze, from `--shard` (checked by `validate`).
    var shard: Shard? { shardOption.flatMap(Shard.init(parsing:)) }

    /// The identity of the codebook files, in the order given.
    func codebookIdentity() throws(OutputError) -> String {
        PartialResult.identity(of: try lexicons.map { path throws(OutputError) in try Self.bytes(of: path) })
    }

    /// The options that change what a run counts or writes, for `merge` to compare across shards.
    func settings() throws(OutputError) -> String {
        var parts = [
            "speakers=\(speakers.rawValue)", "simplify=\(!noSimplify)",
            "label-language=\(labelLanguage.joined(separator: ","))", "interviewer=\(interviewer.joined(separator: ","))",
            "text-column=\(textColumn.joined(separator: ","))", "case-column=\(caseColumn ?? "")", "sheet=\(sheet ?? "")",
            "xpath=\(xpath ?? "")", "case-xpath=\(caseXpath ?? "")", "text-xpath=\(textXpath ?? "")",
            "format=\(format?.rawValue ?? "")", "encoding=\(encoding ?? "")", "max-entry-size=\(maxEntrySize)",
        ]
        if let manifest { parts.append("manifest=\(PartialResult.identity(of: [try Self.bytes(of: manifest)]))") }
        return parts.joined(separator: "; ")
    }

    private static func bytes(of path: String) throws(OutputError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .writeFailed(path: path, reason: "cannot read it again to record its identity")
        }
        return [UInt8](data)
    }

    /// How inputs are read, from the options.
    var ingestionOptions: IngestionOptions {
        var labels = IngestionOptions.defaultInterviewerLabels
        labels += interviewer.filter { !labels.contains($0) }
        return IngestionOptions(
            format: format, encoding: encoding, interviewerLabels: labels, textColumns: textColumn,
            caseColumn: caseColumn, sheet: sheet, xpath: xpath, caseXPath: caseXpath, textXPath: textXpath,
            maximumEntryBytes: maxEntrySize << 20)
    }
}
