import ArgumentParser
import Foundation
import ThemeScanKit

extension Export {
    /// `themescan export qdpx`: analyzes the inputs and writes the automatic coding as a REFI-QDA project.
    struct QDPX: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qdpx",
            abstract: "Analyze documents and write the automatic coding as a REFI-QDA project (.qdpx).",
            discussion: """
                Takes the same inputs and reading options as analyze. The project holds each document's extracted \
                text (sources/GUID.txt), the codebook as codes, one selection per match (or per sentence or speaker \
                turn with --unit sentence|turn) coded with each code it credits, one user for the automatic \
                coding, and one case per case with the manifest's metadata as variables. Positions are the start \
                and end of matches.csv. Exporting the same inputs again gives the same file, byte for byte. Given \
                a folder analyze wrote, it exports that run: the inputs, codebooks and options recorded in its \
                run.json, after checking each file's SHA-256.
                """
        )

        @OptionGroup var input: InputOptions

        @Flag(name: .customLong("no-simplify"), help: "Do not convert Traditional Chinese to Simplified before matching.")
        var noSimplify = false

        @Option(
            name: .customLong("lexicon"),
            help: ArgumentHelp("A codebook (.yaml, .yml or .csv); repeat to combine several.", valueName: "file"))
        var lexicons: [String] = []

        @Option(name: .customLong("out"), help: ArgumentHelp("The .qdpx file to write.", valueName: "file"))
        var output: String

        @Option(help: ArgumentHelp("What one coding covers: match (the matched text), sentence (the sentence holding it) or turn (the whole speaker turn)."))
        var unit: QDACodingUnit = .match

        @Option(help: ArgumentHelp("The project's name in the QDA program (default: the output file's name).", valueName: "name"))
        var name: String?

        @Option(help: ArgumentHelp("Label languages for code names, in order of preference.", valueName: "lang"))
        var labelLanguage: [String] = ["zh", "en"]

        @Flag(help: "Fail, and write nothing, when any input has an error.")
        var strict = false

        func validate() throws {
            guard !lexicons.isEmpty || runFolder != nil else {
                throw ValidationError("give a codebook with --lexicon FILE, or a folder that analyze wrote")
            }
            try Export.validateOutput(output, fileExtension: "qdpx")
        }

        /// The single input, when it is a folder `analyze` wrote (it has a `run.json`).
        var runFolder: String? {
            guard input.inputs.count == 1, let folder = input.inputs.first else { return nil }
            let path = URL(fileURLWithPath: folder).appendingPathComponent(RunProvenance.fileName).path
            return FileManager.default.fileExists(atPath: path) ? folder : nil
        }

        func run() async throws {
            let reporter = DiagnosticReporter()
            do {
                if let folder = runFolder {
                    try await exportRun(folder: folder, reporter: reporter)
                    return
                }
                for folder in input.inputs {
                    guard let version = Self.runFormatVersion(of: folder) else { continue }
                    reporter.fail(
                        "\(folder): error: this is an analyze results folder without run.json (run format version "
                            + "found: \(version)), so it does not say which inputs and options made it. Run analyze "
                            + "again, or give the inputs and --lexicon it was made from instead.")
                    throw ExitCode.failure
                }
                try await export(input: input, lexicons: lexicons, simplify: !noSimplify, reporter: reporter)
            } catch let error as ExitCode {
                throw error
            } catch {
                throw reporter.fatal(error)
            }
        }

        /// Exports what an `analyze` run coded: its command line is read back from `run.json` and analyzed again
        /// from the same folder, after checking that every input and codebook still has the SHA-256 it had, so the
        /// project's codings are the run's `matches.csv`.
        func exportRun(folder: String, reporter: DiagnosticReporter) async throws {
            let provenance = try RunProvenance.read(folder: folder)
            let arguments = Array(provenance.commandLine.dropFirst())
            guard arguments.first == "analyze" else {
                throw RunFolderError.unreadable(
                    folder: folder,
                    reason: "run.json records no analyze command line (a merged run records merge); export the inputs instead")
            }
            let recorded: Analyze
            do {
                recorded = try Analyze.parse(Array(arguments.dropFirst()))
            } catch {
                throw RunFolderError.unreadable(
                    folder: folder, reason: "its recorded command line no longer parses (\(Analyze.message(for: error)))")
            }
            if let shard = recorded.shardOption {
                throw RunFolderError.unreadable(
                    folder: folder, reason: "it holds shard \(shard) of a run; export the merged run's inputs instead")
            }
            let target = URL(fileURLWithPath: output).standardizedFileURL.path
            var export = self
            export.output = target
            if let directory = provenance.workingDirectory {
                guard FileManager.default.changeCurrentDirectoryPath(directory) else {
                    throw RunFolderError.unreadable(
                        folder: folder, reason: "the run's working folder \(directory) is gone; export the inputs instead")
                }
            }
            let files = provenance.inputs.filter { !$0.skipped }.map { ($0.path, $0.sha256) }
                + provenance.codebooks.map { ($0.path, $0.sha256) }
                + (provenance.manifest.map { [($0.path, $0.sha256)] } ?? [])
            for (path, digest) in files {
                let found = (try? SHA256.hexDigest(ofFileAt: path)) ?? "missing"
                guard found == digest else {
                    throw RunFolderError.unreadable(
                        folder: folder,
                        reason: found == "missing"
                            ? "\(path), which the run read, is missing; export the inputs instead"
                            : "\(path) has changed since the run (its SHA-256 differs); run analyze again first")
                }
            }
            reporter.note("exporting the run in \(folder): \(files.count) file(s) unchanged since it was made")
            try await export.export(
                input: recorded.input, lexicons: recorded.lexicons, simplify: !recorded.noSimplify, reporter: reporter)
        }

        /// Analyzes the inputs and writes the project.
        func export(input: InputOptions, lexicons: [String], simplify: Bool, reporter: DiagnosticReporter) async throws {
            let classifier = CharacterClassifier()
            let codebook = try reporter.loadCodebook(lexicons, classifier: classifier)
            let matcher = try Matcher(
                codebook: codebook, normalization: NormalizationOptions(simplifyChinese: simplify), classifier: classifier)
            let (sources, inputDiagnostics) = try input.sources()
            inputDiagnostics.forEach(reporter.report)

            let analyzer = CorpusAnalyzer(
                matcher: matcher, loader: DocumentLoader(options: input.ingestionOptions), speakers: input.speakers,
                jobs: input.jobs, keepsDocuments: true)
            var documents: [Document] = []
            var matches: [Match] = []
            let result = try await analyzer.analyze(sources) { analysis, index in
                guard let document = analysis.document else { return }
                documents.append(document)
                matches += analysis.matches.map { match in
                    var numbered = match
                    numbered.document = index
                    return numbered
                }
            }
            result.diagnostics.forEach(reporter.report)

            let errors = reporter.summarize(result: result, diagnostics: inputDiagnostics + result.diagnostics)
            guard !documents.isEmpty else {
                reporter.fail("no document could be read; nothing written")
                throw ExitCode.failure
            }
            guard !(strict && errors > 0) else {
                reporter.fail("--strict: \(errors) error(s); nothing written")
                throw ExitCode.failure
            }
            let projectName = name ?? URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent
            let writer = QDAProjectWriter(codebook: codebook, unit: unit, name: projectName, labelLanguages: labelLanguage)
            try writer.write(documents: documents, matches: matches, to: output)
            reporter.note("project written to \(output): \(documents.count) source(s), coded by \(unit.rawValue)")
        }

        /// For a folder `analyze` wrote, the run format version it records (`none` when it records none); nil for
        /// anything else. Such a folder holds counts and matches but not the documents' text.
        static func runFormatVersion(of path: String) -> String? {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return nil
            }
            let folder = URL(fileURLWithPath: path)
            for name in ["run.json", "partial.json"] {
                guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { continue }
                let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
                let version = ["format_version", "formatVersion", "version"].lazy.compactMap { object?[$0] }.first
                return version.map { "\($0)" } ?? "none"
            }
            let tables = ["codes.csv", "matches.csv", "documents.csv"]
            guard tables.allSatisfy({ FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) else {
                return nil
            }
            return "none"
        }
    }
}
