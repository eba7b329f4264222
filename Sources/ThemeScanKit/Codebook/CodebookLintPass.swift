/// One run of the linter's rules over a compiled codebook, collecting warnings.
struct CodebookLintPass {
    /// A term or exclude phrase with its compiled pattern.
    struct Entry {
        var code: Int
        var term: Term
        var normalized: String
        var pattern: TermPattern
    }

    let classifier: CharacterClassifier
    let codes: [Code]
    /// Every term in codebook order.
    let terms: [Entry]
    /// Each code's exclude phrases.
    let exclusions: [[Entry]]
    private(set) var diagnostics: [Diagnostic] = []
    /// The first entry of each pattern in each code.
    private var firstInCode: [TermPattern: [Int: Entry]] = [:]
    /// The codes of each pattern, in order of first use.
    private var codesOfPattern: [TermPattern: [Int]] = [:]
    /// The first entry of each pattern, in the order the matcher numbers patterns (and breaks ties by).
    private var distinct: [Entry] = []

    init(classifier: CharacterClassifier, codes: [Code], terms: [Entry], exclusions: [[Entry]]) {
        self.classifier = classifier
        self.codes = codes
        self.terms = terms
        self.exclusions = exclusions
    }

    private mutating func warn(_ kind: CodebookLintKind, _ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(.warning, at: location, "\(message) \(kind.tag)"))
    }

    /// Where another entry is, as `line 9` in the same file.
    private func place(_ other: Entry, from entry: Entry) -> String {
        let location = other.term.location
        guard location.path == entry.term.location.path, let line = location.line else { return "\(location)" }
        return "line \(line)"
    }

    /// Duplicates within a code, and the same term across codes; fills the pattern tables the other rules use.
    mutating func findRepeatedTerms() {
        for entry in terms {
            if let first = firstInCode[entry.pattern]?[entry.code] {
                warn(
                    .duplicateTerm, entry.term.location,
                    "term '\(entry.term.text)' repeats '\(first.term.text)' (\(place(first, from: entry))) in code '\(codes[entry.code].id)'; it counts once")
                continue
            }
            if let firstCode = codesOfPattern[entry.pattern]?.first {
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
    }

    /// Terms whose every match is won by a different term of another code; needs `findRepeatedTerms` first.
    mutating func findShadowedTerms() {
        // Only a pattern with wildcards covers another one, and only one whose elements before its first wildcard
        // begin the other: indexing by that prefix spares comparing every pair in dictionaries of thousands of words.
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
    }

    /// Terms every match of which lies inside an exclude phrase of their own code; needs `findRepeatedTerms` first.
    mutating func findSelfExcludedTerms() {
        for entry in terms where firstInCode[entry.pattern]?[entry.code]?.term == entry.term {
            guard
                let phrase = exclusions[entry.code].first(where: {
                    entry.pattern.isCovered(by: $0.pattern, classifier: classifier)
                })
            else { continue }
            warn(
                .shadowed, entry.term.location,
                "term '\(entry.term.text)' never counts for code '\(codes[entry.code].id)': the code excludes '\(phrase.term.text)' (\(place(phrase, from: entry))), which matches wherever it does")
        }
    }

    /// Exclude phrases inside which no term of their code can match.
    mutating func findExclusionsWithoutTerms() {
        for (code, phrases) in exclusions.enumerated() {
            let own = terms.filter { $0.code == code }
            for phrase in phrases
            where !own.contains(where: { $0.pattern.canOccur(inside: phrase.pattern, classifier: classifier) }) {
                warn(
                    .excludeWithoutTerm, phrase.term.location,
                    "exclude phrase '\(phrase.term.text)' of code '\(codes[code].id)' contains none of the code's terms, so it never cancels a match")
            }
        }
    }

    /// Wildcards on stems of fewer than `CodebookLinter.minimumStemLetters` letters, and lone Chinese characters.
    mutating func findShortStems() {
        let minimum = CodebookLinter.minimumStemLetters
        for entry in terms {
            let scalars = Array(entry.normalized.unicodeScalars)
            for (index, scalar) in scalars.enumerated() where scalar == "*" {
                var stem = 0
                while index - stem - 1 >= 0, classifier.isLetter(scalars[index - stem - 1].value) { stem += 1 }
                if stem < minimum {
                    warn(
                        .shortStem, entry.term.location,
                        "wildcard term '\(entry.term.text)' has a stem of \(stem) letter(s) (fewer than \(minimum)); it matches many unrelated words")
                }
            }
            let visible = scalars.filter { classifier.classify($0.value) != .separator }
            if visible.count == 1, classifier.classify(visible[0].value) == .ideograph {
                warn(
                    .shortStem, entry.term.location,
                    "term '\(entry.term.text)' is a single Chinese character; it matches inside every word that holds it")
            }
        }
    }
}
