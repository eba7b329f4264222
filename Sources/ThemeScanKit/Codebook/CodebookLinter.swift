/// Finds codebook entries that are valid but probably not what the researcher meant.
///
/// Terms are compared after the normalization the matcher applies (NFKC, case folding, Traditional → Simplified),
/// so `抑鬱` and `抑郁`, or `PTSD` and `ptsd`, are the same term. Warnings (see `CodebookLintKind`):
/// - shadowed: term T of one code never counts because a different term U of another code matches every stretch T
///   matches (U's wildcards cover T: `aband*` covers `abandon*`) and wins the tie, having fewer wildcards or as many
///   and coming first; or because T's own code excludes a phrase that matches wherever T does. Whether a longer
///   term wins depends on the text that follows, so only these cases, which hold in every text, are reported;
/// - shared-term: the same term under several codes (each match credits all of them);
/// - exclude-without-term: an exclude phrase no term of its code can match inside;
/// - short-stem: `*` after fewer than three letters, or a term of one Chinese character (wildcards on Chinese
///   characters are errors; a lone character matches inside every word that holds it);
/// - duplicate-term: a term (or exclude phrase) repeated within one code.
public struct CodebookLinter {
    public static let minimumStemLetters = 3

    public let classifier: CharacterClassifier
    public let normalization: NormalizationOptions

    public init(classifier: CharacterClassifier, normalization: NormalizationOptions = NormalizationOptions()) {
        self.classifier = classifier
        self.normalization = normalization
    }

    /// Reads codebook files in any supported format and lints them as the analysis would use them: combined.
    ///
    /// Throws only when ICU fails; problems of the files are diagnostics. When every file loads, the combined
    /// codebook is linted once, so terms shared across files are found; otherwise each loaded file alone.
    public func check(paths: [String], format: CodebookFormat? = nil) throws(TextError) -> CodebookCheck {
        let importer = CodebookImporter(classifier: classifier)
        var codebooks: [Codebook] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            do {
                let loaded = try importer.read(path: path, format: format)
                codebooks.append(loaded.codebook)
                diagnostics += loaded.warnings
            } catch {
                diagnostics += Self.diagnostics(for: error, path: path)
            }
        }
        var linted = codebooks
        if codebooks.count > 1, codebooks.count == paths.count {
            do {
                linted = [try Codebook.combining(codebooks)]
            } catch {
                diagnostics += Self.diagnostics(for: error, path: paths[0])
            }
        }
        for codebook in linted { diagnostics += try lint(codebook) }
        return CodebookCheck(codebooks: codebooks, diagnostics: diagnostics)
    }

    private static func diagnostics(for error: CodebookError, path: String) -> [Diagnostic] {
        switch error {
        case .invalid(let problems):
            return problems
        case .unreadable(_, let reason):
            return [Diagnostic(.error, at: SourceLocation(path: path), "cannot read codebook: \(reason)")]
        case .unknownFormat, .unknownImportFormat:
            return [
                Diagnostic(
                    .error, at: SourceLocation(path: path),
                    "unknown codebook format (expected .yaml, .yml, .csv, .dic or .cat; or name it with --from)")
            ]
        }
    }

    /// The warnings for a loaded codebook, grouped by kind, in codebook order within each kind.
    public func lint(_ codebook: Codebook) throws(TextError) -> [Diagnostic] {
        let normalizer = try TextNormalizer(options: normalization)
        let codes = codebook.codes.map(\.code)
        var terms: [CodebookLintPass.Entry] = []
        var exclusions: [[CodebookLintPass.Entry]] = []
        for (index, code) in codes.enumerated() {
            for term in code.terms {
                if let entry = try compile(term, code: index, normalizer) { terms.append(entry) }
            }
            var phrases: [CodebookLintPass.Entry] = []
            for phrase in code.exclusions {
                if let entry = try compile(phrase, code: index, normalizer) { phrases.append(entry) }
            }
            exclusions.append(phrases)
        }
        var pass = CodebookLintPass(classifier: classifier, codes: codes, terms: terms, exclusions: exclusions)
        pass.findRepeatedTerms()
        pass.findShadowedTerms()
        pass.findSelfExcludedTerms()
        pass.findExclusionsWithoutTerms()
        pass.findShortStems()
        return pass.diagnostics
    }

    /// A term as the matcher sees it; nil when its normalized form is no pattern, which the matcher reports.
    private func compile(_ term: Term, code: Int, _ normalizer: TextNormalizer) throws(TextError) -> CodebookLintPass.Entry? {
        let normalized = try normalizer.normalize(term.text).string
        guard let pattern = try? TermPattern(parsing: normalized, classifier: classifier) else { return nil }
        return CodebookLintPass.Entry(code: code, term: term, normalized: normalized, pattern: pattern)
    }
}
