import ArgumentParser
import Foundation
import ThemeScanKit

extension Lexicon {
    /// `themescan lexicon check`: the loader's errors and the linter's warnings, with a size summary.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report a codebook's errors and likely mistakes.",
            discussion: """
                Several files are checked together, as `analyze` would combine them. Each finding is printed as \
                path:line:col: severity: message [kind]. Terms are compared after normalization (NFKC, case \
                folding, Traditional to Simplified Chinese). The warnings:

                [shadowed] the term never counts. Either a different term of another code matches every stretch \
                it matches and wins the tie (fewer wildcards, or as many and earlier in the codebook): aband* \
                shadows a later abandon*; or its own code excludes a phrase that matches wherever it does. Whether \
                a longer term of another code wins depends on the text that follows, so that is not reported.

                [shared-term] the same term under several codes: each match credits all of them.

                [exclude-without-term] no term of the code can match inside the exclude phrase (wildcards and \
                word boundaries considered), so the phrase never cancels anything.

                [short-stem] a * after fewer than 3 letters (de*), or a term of a single Chinese character \
                (wildcards on Chinese characters are errors; one character alone matches inside every word \
                holding it).

                [duplicate-term] a term or exclude phrase repeated within one code.

                The exit status is non-zero when there are errors; warnings alone leave it zero.
                """
        )

        @Argument(help: ArgumentHelp("Codebooks (.yaml, .yml, .csv, .dic, .cat).", valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp("Read every file as this format instead of guessing from its extension.", valueName: "format"))
        var from: CodebookFormat?

        @Flag(name: .customLong("no-simplify"), help: "Compare terms without converting Traditional Chinese to Simplified.")
        var noSimplify = false

        func run() throws {
            let classifier = CharacterClassifier()
            let linter = CodebookLinter(classifier: classifier, normalization: NormalizationOptions(simplifyChinese: !noSimplify))
            let check: CodebookCheck
            do {
                check = try linter.check(paths: files, format: from)
            } catch {
                DiagnosticReporter().fail("error: \(error)")
                throw ExitCode.failure
            }
            for diagnostic in check.diagnostics { print(diagnostic) }
            for codebook in check.codebooks {
                let source = codebook.sources.joined(separator: ", ")
                print("\(source): \(CodebookSummary(codebook, classifier: classifier))")
            }
            let errors = check.diagnostics.filter { $0.severity == .error }.count
            let warnings = check.diagnostics.filter { $0.severity == .warning }.count
            print("\(errors) error(s), \(warnings) warning(s)")
            if errors > 0 { throw ExitCode.failure }
        }
    }
}
