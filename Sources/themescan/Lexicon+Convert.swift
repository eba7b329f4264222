import ArgumentParser
import Foundation
import ThemeScanKit

extension Lexicon {
    /// `themescan lexicon convert`: reads any supported format, writes themescan's YAML or CSV.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a codebook between YAML and CSV, or import a LIWC, quanteda or WordStat dictionary.",
            discussion: """
                Formats follow the extensions: .yaml/.yml (themescan's codebook, or a quanteda dictionary, told \
                apart by structure: a codebook has 'version' and 'themes'), .csv, .dic (LIWC), .cat (WordStat). \
                --from and --to override them; themescan writes yaml or csv.

                Dictionary categories become themes and codes: a top-level category with sub-categories is a \
                theme and its sub-categories are codes; top-level categories without sub-categories are codes of \
                one theme named after the file; deeper categories become codes with parent/child ids. Category \
                names are the labels; ids keep letters, digits, _ - . / and are made unique. Anything that \
                cannot be carried over (LIWC conditional entries, WordStat rules and weights, wildcards \
                themescan cannot express, empty categories) is reported with its line and skipped.
                """
        )

        @Argument(help: ArgumentHelp("The codebook or dictionary to read.", valueName: "in"))
        var input: String

        @Argument(help: ArgumentHelp("The codebook to write (.yaml, .yml or .csv).", valueName: "out"))
        var output: String

        @Option(help: ArgumentHelp("The input's format, instead of the one its extension suggests.", valueName: "format"))
        var from: CodebookFormat?

        @Option(help: ArgumentHelp("The output's format: yaml or csv.", valueName: "format"))
        var to: CodebookFormat?

        @Flag(help: "Replace the output file if it exists.")
        var force = false

        func validate() throws {
            guard let format = to ?? CodebookFormat(path: output) else {
                throw ValidationError("cannot tell the output format from '\(output)'; name it with --to yaml or --to csv")
            }
            guard CodebookFormat.writable.contains(format) else {
                throw ValidationError("themescan writes codebooks as yaml or csv, not \(format.rawValue)")
            }
        }

        func run() throws {
            let reporter = DiagnosticReporter()
            let format = to ?? CodebookFormat(path: output)!
            if URL(fileURLWithPath: input).standardizedFileURL == URL(fileURLWithPath: output).standardizedFileURL {
                reporter.fail("the output would replace the input; write to another file")
                throw ExitCode.failure
            }
            if !force, FileManager.default.fileExists(atPath: output) {
                reporter.fail("\(output) exists; give --force to replace it")
                throw ExitCode.failure
            }
            do {
                let (codebook, readWarnings) = try CodebookImporter(classifier: CharacterClassifier()).read(path: input, format: from)
                readWarnings.forEach(reporter.report)
                let (text, writeWarnings) = try CodebookWriter().text(codebook, as: format)
                writeWarnings.forEach(reporter.report)
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                reporter.note(
                    "\(output): \(CodebookSummary(codebook, classifier: CharacterClassifier())); \(readWarnings.count + writeWarnings.count) warning(s)")
            } catch let error as CodebookError {
                reporter.fail(error.description)
                throw ExitCode.failure
            } catch {
                reporter.fail("cannot write \(output): \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }
    }
}
