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

    /// The warnings for a loaded codebook, in codebook order within each kind.
    public func lint(_ codebook: Codebook) throws(TextError) -> [Diagnostic] {
        let normalizer = try TextNormalizer(options: normalization)
        var diagnostics: [Diagnostic] = []
        func warn(_ kind: CodebookLintKind, _ location: SourceLocation, _ message: String) {
            diagnostics.append(Diagnostic(.warning, at: location, "\(message) \(kind.tag)"))
        }
        /// Where another entry is, as `line 9` in the same file.
        func place(_ other: Entry, from entry: Entry) -> String {
            let location = other.term.location
            guard location.path == entry.term.location.path, let line = location.line else { return "\(location)" }
            return "line \(line)"
        }

        let codes = codebook.codes.map(\.code)
        var terms: [Entry] = []
        var exclusions: [[Entry]] = []
        for (index, code) in codes.enumerated() {
            for term in code.terms { if let entry = try compile(term, code: index, normalizer) { terms.append(entry) } }
            var phrases: [Entry] = []
            for phrase in code.exclusions { if let entry = try compile(phrase, code: index, normalizer) { phrases.append(entry) } }
            exclusions.append(phrases)
        }

        // Duplicates within a code, then the same term across codes.
        var firstInCode: [TermPattern: [Int: Entry]] = [:]
        var codesOfPattern: [TermPattern: [Int]] = [:]
        var distinct: [Entry] = []
        for entry in terms {
            if let first = firstInCode[entry.pattern]?[entry.code] {
                warn(
                    .duplicateTerm, entry.term.location,
                    "term '\(entry.term.text)' repeats '\(first.term.text)' (\(place(first, from: entry))) in code '\(codes[entry.code].id)'; it counts once")
                continue
            }
            if let claimed = codesOfPattern[entry.pattern], let firstCode = claimed.first {
                let first = firstInCode[entry.pattern]![firstCode]!
                warn(
                    .sharedTerm, entry.term.location,
                    "term '\(entry.term.text)' of code '\(codes[entry.code].id)' is also a term of code '\(codes[firstCode].id)' (\(place(first, from: entry))); each match credits both")
            } else {
                distinct.append(entry)
            }
            firstInCode[entry.pattern, default: [:]][entry.code] = entry
            codesOfPattern[entry.pattern, default: []].append(entry.code)
        }
        for phrases in exclusions {
            var seen: [TermPattern: Entry] = [:]
            for phrase in phrases {
                if let first = seen[phrase.pattern] {
                    warn(
                        .duplicateTerm, phrase.term.location,
                        "exclude phrase '\(phrase.term.text)' repeats '\(first.term.text)' (\(place(first, from: phrase))) in code '\(codes[phrase.code].id)'")
                } else {
                    seen[phrase.pattern] = phrase
                }
            }
        }

        // Shadowing: `distinct` is in pattern-number order, the order the matcher breaks ties by. Only a pattern
        // with wildcards covers another one, and only one whose elements before its first wildcard begin the
        // other: indexing by that prefix spares comparing every pair in dictionaries of thousands of words.
        var coveringByPrefix: [[TermPattern.Element]: [Int]] = [:]
        for (number, entry) in distinct.enumerated() where entry.pattern.wildcardCount > 0 {
            let prefix = entry.pattern.elements.prefix { $0 != .anyLetter && $0 != .letters }
            coveringByPrefix[Array(prefix), default: []].append(number)
        }
        for (number, entry) in distinct.enumerated() {
            let mine = Set(codesOfPattern[entry.pattern]!)
            let elements = entry.pattern.elements
            let candidates = (0...elements.count).flatMap { coveringByPrefix[Array(elements.prefix($0))] ?? [] }.sorted()
            for otherNumber in candidates where otherNumber != number {
                let other = distinct[otherNumber]
                let winsTie =
                    other.pattern.wildcardCount < entry.pattern.wildcardCount
                    || (other.pattern.wildcardCount == entry.pattern.wildcardCount && otherNumber < number)
                guard winsTie, Set(codesOfPattern[other.pattern]!) != mine,
                    entry.pattern.isCovered(by: other.pattern, classifier: classifier)
                else { continue }
                let reason = other.pattern.wildcardCount < entry.pattern.wildcardCount ? "has fewer wildcards" : "comes first"
                warn(
                    .shadowed, entry.term.location,
                    "term '\(entry.term.text)' of code '\(codes[entry.code].id)' never counts: '\(other.term.text)' of code '\(codes[other.code].id)' (\(place(other, from: entry))) matches wherever it does and \(reason)")
                break
            }
        }
        for entry in terms where firstInCode[entry.pattern]?[entry.code]?.term == entry.term {
            guard let phrase = exclusions[entry.code].first(where: { entry.pattern.isCovered(by: $0.pattern, classifier: classifier) })
            else { continue }
            warn(
                .shadowed, entry.term.location,
                "term '\(entry.term.text)' never counts for code '\(codes[entry.code].id)': the code excludes '\(phrase.term.text)' (\(place(phrase, from: entry))), which matches wherever it does")
        }

        for (code, phrases) in exclusions.enumerated() {
            let own = terms.filter { $0.code == code }
            for phrase in phrases where !own.contains(where: { $0.pattern.canOccur(inside: phrase.pattern, classifier: classifier) }) {
                warn(
                    .excludeWithoutTerm, phrase.term.location,
                    "exclude phrase '\(phrase.term.text)' of code '\(codes[code].id)' contains none of the code's terms, so it never cancels a match")
            }
        }

        for entry in terms {
            let scalars = Array(entry.normalized.unicodeScalars)
            for (index, scalar) in scalars.enumerated() where scalar == "*" {
                var stem = 0
                while index - stem - 1 >= 0, classifier.isLetter(scalars[index - stem - 1].value) { stem += 1 }
                if stem < Self.minimumStemLetters {
                    warn(
                        .shortStem, entry.term.location,
                        "wildcard term '\(entry.term.text)' has a stem of \(stem) letter(s) (fewer than \(Self.minimumStemLetters)); it matches many unrelated words")
                }
            }
            let visible = scalars.filter { classifier.classify($0.value) != .separator }
            if visible.count == 1, classifier.classify(visible[0].value) == .ideograph {
                warn(
                    .shortStem, entry.term.location,
                    "term '\(entry.term.text)' is a single Chinese character; it matches inside every word that holds it")
            }
        }
        return diagnostics
    }

    /// A term or exclude phrase with its compiled pattern.
    private struct Entry {
        var code: Int
        var term: Term
        var normalized: String
        var pattern: TermPattern
    }

    /// A term as the matcher sees it; nil when its normalized form is no pattern, which the matcher reports.
    private func compile(_ term: Term, code: Int, _ normalizer: TextNormalizer) throws(TextError) -> Entry? {
        let normalized = try normalizer.normalize(term.text).string
        guard let pattern = try? TermPattern(parsing: normalized, classifier: classifier) else { return nil }
        return Entry(code: code, term: term, normalized: normalized, pattern: pattern)
    }
}
