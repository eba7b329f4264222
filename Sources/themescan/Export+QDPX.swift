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
                and end of matches.csv. Exporting the same inputs again gives the same file, byte for byte. An \
                analyze results folder cannot be exported yet: give the inputs it was made from.
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
            guard !lexicons.isEmpty else { throw ValidationError("give a codebook with --lexicon FILE") }
            try Export.validateOutput(output, fileExtension: "qdpx")
        }

        func run() async throws {
            let reporter = DiagnosticReporter()
            for folder in input.inputs {
                guard let version = Self.runFormatVersion(of: folder) else { continue }
                reporter.fail(
                    "\(folder): error: this is an analyze results folder (run format version found: \(version)); "
                        + "export qdpx cannot read run folders yet, since no run format version keeps the documents' "
                        + "text. Give the inputs and --lexicon it was made from instead.")
                throw ExitCode.failure
            }
            let classifier = CharacterClassifier()
            do {
                let codebook = try reporter.loadCodebook(lexicons, classifier: classifier)
                let matcher = try Matcher(codebook: codebook, normalization: NormalizationOptions(simplifyChinese: !noSimplify), classifier: classifier)
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
                let writer = QDAProjectWriter(
                    codebook: codebook, unit: unit, name: projectName, labelLanguages: labelLanguage)
                try writer.write(documents: documents, matches: matches, to: output)
                reporter.note("project written to \(output): \(documents.count) source(s), coded by \(unit.rawValue)")
            } catch {
                throw reporter.fatal(error)
            }
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
