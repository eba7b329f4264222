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

                With --corpus, the codebook is also matched against sample documents: for each term, how many of \
                its matches begin or end inside a word as ICU segments the text (心 inside 心理), with the \
                three most frequent enclosing words; and which codes never matched. These are notes.

                The exit status is non-zero when there are errors; warnings and notes alone leave it zero.
                """
        )

        @Argument(help: ArgumentHelp("Codebooks (.yaml, .yml, .csv, .dic, .cat).", valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp("Read every file as this format instead of guessing from its extension.", valueName: "format"))
        var from: CodebookFormat?

        @Option(
            parsing: .upToNextOption,
            help: ArgumentHelp("Sample documents or folders to match the codebook against.", valueName: "input"))
        var corpus: [String] = []

        @Option(
            help: ArgumentHelp("Leave out warnings of this kind; repeatable.", valueName: "kind"))
        var ignore: [CodebookLintKind] = []

        @Flag(name: .customLong("no-simplify"), help: "Compare terms without converting Traditional Chinese to Simplified.")
        var noSimplify = false

        func run() throws {
            let classifier = CharacterClassifier()
            let linter = CodebookLinter(classifier: classifier, normalization: NormalizationOptions(simplifyChinese: !noSimplify))
            var check: CodebookCheck
            do {
                check = try linter.check(paths: files, format: from)
            } catch {
                DiagnosticReporter().fail("error: \(error)")
                throw ExitCode.failure
            }
            let ignoredTags = ignore.map(\.tag)
            check.diagnostics.removeAll { diagnostic in
                diagnostic.severity == .warning && ignoredTags.contains { diagnostic.message.hasSuffix($0) }
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
            guard !corpus.isEmpty else { return }
            do {
                try survey(Codebook.combining(check.codebooks), classifier: classifier)
            } catch {
                throw DiagnosticReporter().fatal(error)
            }
        }

        /// Matches the codebook against the corpus and prints where its terms cut words and which codes never match.
        private func survey(_ codebook: Codebook, classifier: CharacterClassifier) throws {
            let reporter = DiagnosticReporter()
            var walker = InputWalker()
            let sources = walker.sources(for: corpus)
            walker.diagnostics.forEach(reporter.report)
            let loader = DocumentLoader()
            var documents: [Document] = []
            for source in sources {
                do throws(IngestionError) {
                    let read = try loader.load(source)
                    read.warnings.forEach(reporter.report)
                    documents += read.documents
                } catch {
                    reporter.report(Diagnostic(.error, at: error.location, error.message))
                }
            }
            guard !documents.isEmpty else {
                reporter.fail("no document of the corpus could be read")
                throw ExitCode.failure
            }
            let matcher = try Matcher(
                codebook: codebook, normalization: NormalizationOptions(simplifyChinese: !noSimplify), classifier: classifier)
            let survey = try TermSurveyor(matcher: matcher).survey(documents)
            var cutting = 0
            for usage in survey.usages where usage.cutMatches > 0 {
                cutting += 1
                let (_, term) = matcher.terms[usage.term]
                let code = matcher.codes[matcher.terms[usage.term].code].code
                let words = usage.mostFrequentEnclosingWords(3).map { "\($0.word) (\($0.count))" }.joined(separator: ", ")
                print(
                    Diagnostic(
                        .note, at: term.location,
                        "term '\(term.text)' (code '\(code.id)'): \(usage.cutMatches) of \(usage.matches) match(es) begin or end inside a word, most often \(words)"))
            }
            for index in survey.unmatchedCodes {
                let code = matcher.codes[index].code
                print(Diagnostic(.note, at: code.location, "code '\(code.id)' never matched in \(survey.documents) document(s)"))
            }
            print(
                "corpus: \(survey.documents) document(s); \(cutting) term(s) cut through words; \(survey.unmatchedCodes.count) code(s) never matched")
        }
    }
}
