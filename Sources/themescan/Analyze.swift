import ArgumentParser
import Foundation
import ThemeScanKit

struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Match a codebook against documents and write counts, matches, clouds, a workbook and a report.",
        discussion: """
            Reads transcripts (.txt, .md, .vtt, .srt, .docx), survey exports (.csv, .tsv, .xlsx, .xls; one \
            document per row), web pages (.html) and XML. Folders are read recursively. Each file is its own \
            case unless a manifest or a case column says otherwise. Writes per-code, per-term and per-case \
            tables, open-vocabulary words, co-occurrence, every match with its context and sentence, two word \
            clouds, results.xlsx, report.html and run.json (how the figures were made); --group-by also compares \
            groups, such as years. Results appear in the output folder only when the run succeeds.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(
        name: .customLong("lexicon"),
        help: ArgumentHelp("A codebook (.yaml, .yml or .csv); repeat to combine several.", valueName: "file"))
    var lexicons: [String]

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write results into.", valueName: "dir"))
    var output: String

    @Flag(help: "Write into an output folder that holds other files too; they are left alone.")
    var force = false

    @Flag(name: .customLong("no-simplify"), help: "Do not convert Traditional Chinese to Simplified before matching.")
    var noSimplify = false

    @Option(help: ArgumentHelp("Label languages of the tables, in order of preference.", valueName: "lang"))
    var labelLanguage: [String] = ["zh", "en"]

    @Option(
        name: .customLong("shard"),
        help: ArgumentHelp(
            "Analyze only part I of N of the inputs (those at positions I-1, I-1+N, … of the sorted input list) and write a partial result for `themescan merge`.",
            valueName: "I/N"))
    var shardOption: String?

    @Flag(help: "Fail, and write nothing, when any input has an error.")
    var strict = false

    @Option(
        help: ArgumentHelp(
            "A case counts as coded for a code (or as using a word) from this many occurrences on; governs every cases column.",
            valueName: "n"))
    var minOccurrences = 1

    @Option(help: ArgumentHelp("What sizes a code in the word cloud: cases or occurrences.", valueName: "weight"))
    var cloudWeight: TableOptions.CloudWeight = .cases

    @Option(
        help: ArgumentHelp(
            "The label language of the code cloud (default zh when the codebook has zh labels).", valueName: "lang"))
    var cloudLanguage: String?

    @Option(help: ArgumentHelp("How many words words.svg shows.", valueName: "n"))
    var cloudSize = 100

    @OptionGroup var stopwords: StopwordOptions

    @Option(help: ArgumentHelp("The fewest characters a word of words.csv needs (2 drops single Han characters).", valueName: "n"))
    var minChars = 2

    @Option(help: ArgumentHelp("Characters of context left and right of a match in matches.csv.", valueName: "n"))
    var kwicWidth = 20

    @Option(
        help: ArgumentHelp(
            "The outputs to write, comma-separated, from csv, xlsx, svg, html, json (default all).", valueName: "list"))
    var outputs: String = OutputFormat.allCases.map(\.rawValue).joined(separator: ",")

    @Flag(help: "Start every CSV file with a UTF-8 byte order mark, so Excel on Chinese Windows reads it correctly.")
    var excelCsv = false

    @Option(help: ArgumentHelp("The run's name in comparisons (default: the output folder's name).", valueName: "name"))
    var label: String?

    @Option(
        help: ArgumentHelp(
            "Also compare the groups of a manifest or spreadsheet column, such as year (writes compare.csv).",
            valueName: "column"))
    var groupBy: String?

    @Flag(help: "Show no progress.")
    var quiet = false

    func validate() throws {
        guard !lexicons.isEmpty else { throw ValidationError("give a codebook with --lexicon FILE") }
        guard minOccurrences >= 1 else { throw ValidationError("--min-occurrences takes 1 or more") }
        guard kwicWidth >= 0, minChars >= 1, cloudSize >= 1 else {
            throw ValidationError("--kwic-width takes 0 or more; --min-chars and --cloud-size take 1 or more")
        }
        _ = try formats()
        if let shardOption, Shard(parsing: shardOption) == nil {
            throw ValidationError("--shard takes I/N with 1 <= I <= N, such as 2/8; got '\(shardOption)'")
        }
    }

    func run() async throws {
        let started = Date()
        let reporter = DiagnosticReporter()
        // Ready before any staging folder exists, so no interrupt can leave one behind.
        let interrupts = InterruptHandler()
        let classifier = CharacterClassifier()
        do {
            let loaded = try reporter.loadCodebooks(lexicons, classifier: classifier)
            let codebook = loaded.combined
            // Recorded as loaded: run.json describes the codebooks this run matched, without loading them again.
            let codebookRecords = zip(lexicons, loaded.files).map { Self.record(codebook: $1, path: $0) }
            let normalization = NormalizationOptions(simplifyChinese: !noSimplify)
            let matcher = try Matcher(codebook: codebook, normalization: normalization, classifier: classifier)

            var (sources, inputDiagnostics) = try input.sources()
            inputDiagnostics.forEach(reporter.report)
            // A shard takes every N-th input of the full list, so all shards together read each input once; every
            // shard reads the survey exports, and analyzes its parts of them.
            let loader = DocumentLoader(options: input.ingestionOptions)
            let sharedPositions = Set(sources.indices.filter { shard != nil && loader.isSurveyExportByName(sources[$0]) })
            let positions = sources.indices.filter { shard?.includes(position: $0) ?? true || sharedPositions.contains($0) }
            let inputCount = sources.count
            let allSources = sources
            sources = positions.map { sources[$0] }

            let stopwordList = try stopwords.load(normalization: normalization, matcher: matcher, reporter: reporter)
            let options = try tableOptions()
            // matches.csv is written when CSV is selected, and always by a shard, for `merge` to copy; without it,
            // no row is rendered and no match kept: the report's passages come from the samples.
            let writesMatches = options.formats.contains(.csv) || shard != nil
            var analyzer = CorpusAnalyzer(
                matcher: matcher, loader: loader, contextLength: kwicWidth,
                speakers: input.speakers, jobs: input.jobs,
                rowRenderer: writesMatches ? MatchRowRenderer(codes: matcher.codes, terms: matcher.terms) : nil,
                wordList: WordListSettings(stopwords: stopwordList, minimumCharacters: minChars))
            analyzer.keepsMatches = false
            analyzer.samplesPerCode = options.passagesPerCode
            analyzer.shardParts = shard.map { shard in
                ShardParts(
                    shard: shard, allSources: allSources, positions: positions,
                    shared: Set(positions.indices.filter { sharedPositions.contains(positions[$0]) }))
            }
            // A file that is its own case is counted as a finished case at once, so memory does not grow with the
            // number of files. A shard's own tables are of its inputs, so it can tell as well; its partial result
            // keeps every document's counts for `merge`, on disk.
            analyzer.caseMinimum = options.minimumOccurrences
            // Guarded before the folder exists: a signal the moment it appears must find it to remove.
            defer { interrupts.release() }
            let staging = try OutputDirectory(path: output, ownedNames: RunOutputs.fileNames, force: force)
                .begin(announcing: interrupts.guardStaging)
            // Matches go to disk as documents finish, so memory does not grow with the corpus.
            analyzer.spillFolder = staging.folder
            let result: AnalysisResult
            var partialDocumentCount = 0
            var digests: [String: String] = [:]
            var groups = groupBy.map {
                GroupTallies(
                    variable: $0, codeCount: matcher.codes.count, termCount: matcher.terms.count,
                    setAsideFolder: staging.folder)
            }
            do {
                let matchesFile = try CSVStreamWriter(
                    path: staging.path(for: "matches.csv"), header: AnalysisResult.matchesHeader,
                    byteOrderMark: options.excelCSV, displayPath: (output as NSString).appendingPathComponent("matches.csv"))
                // A huge document next due writes its rows here itself, rather than set them aside for the copy below.
                analyzer.matchesFile = matchesFile
                let partialDocuments = try shard.map { _ throws(OutputError) in
                    try PartialDocumentWriter(
                        path: staging.path(for: PartialResult.documentsFileName),
                        displayPath: (output as NSString).appendingPathComponent(PartialResult.documentsFileName))
                }
                let sizes = sources.map { Self.size(of: $0.path) }
                let progress = ProgressReporter(totalFiles: sources.count, totalBytes: sizes.reduce(0, +), quiet: quiet)
                var inputsDone = 0
                // Inputs are hashed for run.json as they are handed on: this thread mostly waits for the workers
                // then, and the files are still in the page cache.
                var digestedInputs = 0
                defer { progress.finish() }
                result = try await analyzer.analyze(sources) { analysis, _ in
                    while digestedInputs <= analysis.input {
                        let path = sources[digestedInputs].path
                        if digests[path] == nil { digests[path] = Self.digest(of: path) }
                        digestedInputs += 1
                    }
                    // Inputs are handed on in order; an input that gave no document is counted with the next one.
                    try groups?.add(
                        analysis.summary, tally: analysis.tally,
                        completingCaseAt: analysis.completesCase ? options.minimumOccurrences : nil)
                    if analysis.input >= inputsDone {
                        progress.advance(
                            files: analysis.input + 1 - inputsDone, bytes: sizes[inputsDone...analysis.input].reduce(0, +))
                        inputsDone = analysis.input + 1
                    }
                    if let spilled = analysis.spilledMatchRows { try matchesFile.append(movingRowsFrom: spilled) }
                    try matchesFile.append(rendered: analysis.matchRows)
                    try partialDocuments?.append(PartialDocument(analysis, input: positions[analysis.input]))
                }
                progress.advance(files: sources.count - inputsDone, bytes: sizes[inputsDone...].reduce(0, +))
                try matchesFile.close()
                try partialDocuments?.close()
                partialDocumentCount = partialDocuments?.count ?? 0
            } catch TextError.rowsUnwritten(let error) {
                staging.discard()
                throw error
            } catch TextError.spillFailed(_, let reason) {
                staging.discard()
                // The set-aside rows live in the staging folder and belong to matches.csv, so that is the file named.
                throw OutputError.writeFailed(path: (output as NSString).appendingPathComponent("matches.csv"), reason: reason)
            } catch TextError.setAsideUnwritten(_, let reason) {
                staging.discard()
                // The set-aside documents and cases lived in the staging folder, gone now: the output folder is named.
                throw OutputError.writeFailed(path: output, reason: reason)
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
            do {
                let diagnostics = inputDiagnostics + result.diagnostics
                let outputs = try RunOutputs(
                    tables: result.tables(options: options), facts: reportFacts(),
                    warnings: diagnostics.filter { $0.severity != .note }.map(\.description))
                try await outputs.write(to: staging, samples: result.samples, keepingMatches: shard != nil)
                if let groups {
                    let comparison = try ComparisonOutputs.groups(
                        groups, codebook: RunCodebook(codes: result.codes, terms: result.terms), options: options)
                    comparison.warnings.forEach { reporter.note("warning: \($0)") }
                    try comparison.outputs?.write(to: staging)
                }
                let provenance = try self.provenance(
                    result: result, cases: outputs.cases.count, sources: sources, digests: digests,
                    diagnostics: diagnostics, options: options, codebooks: codebookRecords, started: started)
                try staging.write(RunProvenance.fileName, contents: provenance.encoded())
                if let shard {
                    let partial = PartialResult(
                        shard: shard, inputCount: inputCount, codebook: try codebookIdentity(), settings: try settings(),
                        outline: RunCodebook(codes: result.codes, terms: result.terms), options: options,
                        facts: reportFacts(), documentCount: partialDocumentCount)
                    try staging.write(PartialResult.fileName, contents: partial.encoded())
                }
                try interrupts.commit(staging)
            } catch TextError.setAsideUnwritten(_, let reason) {
                staging.discard()
                // The run's list of cases was being set aside in the staging folder, gone now.
                throw OutputError.writeFailed(path: output, reason: reason)
            } catch {
                staging.discard()
                throw error
            }
            reporter.note("results written to \(output)")
        } catch {
            throw reporter.fatal(error)
        }
    }

    /// What the report says about the run: the same for the same inputs and options, so no date (run.json has
    /// it) and a command line without the options that do not change results (output folder, threads, shard,
    /// progress).
    func reportFacts() -> ReportRunFacts {
        var arguments = Array(CommandLine.arguments.dropFirst())
        let dropped: [String: Bool] = ["--out": true, "--jobs": true, "--shard": true, "--quiet": false]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if let takesValue = dropped[name] {
                let count = takesValue && !argument.contains("=") ? 2 : 1
                arguments.removeSubrange(index..<min(arguments.count, index + count))
            } else {
                index += 1
            }
        }
        return ReportRunFacts(
            toolVersion: "themescan \(ThemeScan.configuration.version)", date: "",
            commandLine: (["themescan"] + arguments).joined(separator: " "), codebooks: lexicons)
    }

    /// The outputs `--outputs` selects.
    func formats() throws -> Set<OutputFormat> {
        try OutputSelection.parse(outputs)
    }

    /// How the tables, clouds and report are made.
    func tableOptions() throws -> TableOptions {
        TableOptions(
            labelLanguages: labelLanguage, minimumOccurrences: minOccurrences, cloudWeight: cloudWeight,
            cloudLanguage: cloudLanguage, cloudSize: cloudSize, formats: try formats(), excelCSV: excelCsv,
            groupBy: groupBy)
    }

    /// The part of the inputs to analyze, from `--shard` (checked by `validate`).
    var shard: Shard? { shardOption.flatMap(Shard.init(parsing:)) }

    /// The identity of the codebook files, in the order given.
    func codebookIdentity() throws(OutputError) -> String {
        PartialResult.identity(of: try lexicons.map { path throws(OutputError) in try Self.bytes(of: path) })
    }

    /// The options that change what a run counts or writes, for `merge` to compare across shards.
    func settings() throws(OutputError) -> String {
        var parts = ["speakers=\(input.speakers.rawValue)", "simplify=\(!noSimplify)"]
        parts += recordedOptions().sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let stopwordBytes = try (stopwords.files.isEmpty ? StopwordOptions.shippedLists() : stopwords.files).map {
            path throws(OutputError) in try Self.bytes(of: path)
        }
        parts.append("stopwords=\(PartialResult.identity(of: stopwordBytes))")
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
