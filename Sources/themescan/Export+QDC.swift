import ArgumentParser
import Foundation
import ThemeScanKit

extension Export {
    /// `themescan export qdc`: the codebook as a REFI-QDA codebook file.
    struct QDC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qdc",
            abstract: "Write a codebook as a REFI-QDA codebook (.qdc).",
            discussion: """
                Themes become parent codes that cannot be coded, codes their codable children. A code's name is \
                its label (in the first --label-language it has); its description lists its id, labels, terms \
                and exclusions. GUIDs are derived from the ids, so exporting the same codebook again gives the \
                same GUIDs, and colours are one per theme from a fixed palette. The file appears only when it is \
                complete.
                """
        )

        @Option(
            name: .customLong("lexicon"),
            help: ArgumentHelp("A codebook (.yaml, .yml or .csv); repeat to combine several.", valueName: "file"))
        var lexicons: [String] = []

        @Option(name: .customLong("out"), help: ArgumentHelp("The .qdc file to write.", valueName: "file"))
        var output: String

        @Option(help: ArgumentHelp("Label languages for code names, in order of preference.", valueName: "lang"))
        var labelLanguage: [String] = ["zh", "en"]

        func validate() throws {
            guard !lexicons.isEmpty else { throw ValidationError("give a codebook with --lexicon FILE") }
            try Export.validateOutput(output, fileExtension: "qdc")
        }

        func run() throws {
            let reporter = DiagnosticReporter()
            do {
                let codebook = try reporter.loadCodebook(lexicons, classifier: CharacterClassifier())
                let bytes = try QDACodebookWriter(labelLanguages: labelLanguage).codebookFile(for: codebook)
                try OutputFile(path: output).write(bytes)
                let codes = codebook.themes.reduce(0) { $0 + $1.codes.count }
                reporter.note("codebook written to \(output): \(codebook.themes.count) theme(s), \(codes) code(s)")
            } catch {
                throw reporter.fatal(error)
            }
        }
    }
}
