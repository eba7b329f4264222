/// Finds a codebook's terms in normalized text by the matching rules of the README.
///
/// Leftmost-longest and non-overlapping across the whole codebook: scanning left to right, the longest pattern
/// that matches at a position wins and its text is consumed; among equally long ones the one with fewer
/// wildcards, then the one first in the codebook. A term listed under several codes credits each of them once.
/// A match of a code lying inside an occurrence of one of that code's `exclude` phrases does not credit that code.
public final class Matcher: Sendable {
    public let codebook: Codebook
    /// The codebook's codes in order, with their themes.
    public let codes: [(theme: Theme, code: Code)]
    /// Every term of the codebook in order, with the index of its code; `Credit.term` indexes this.
    public let terms: [(code: Int, term: Term)]
    /// How documents must be normalized to meet the compiled terms.
    public let normalization: NormalizationOptions
    /// Found once while compiling and handed to every worker's normalizer.
    public let traditionalCharacters: TraditionalCharacterSet?

    private let automaton: PatternAutomaton
    private let credits: [CreditList]
    private let exclusions: PatternAutomaton
    private let exclusionCodes: [[Int]]
    /// Whether each code has exclusion phrases: a text is searched for them only when it has a match of such a code.
    private let excludable: [Bool]
    /// Every UTF-16 unit of every normalized term and exclusion phrase: text may be cut after a unit not in here.
    let patternUnits: Set<UInt16>

    /// Compiles a codebook; terms are normalized exactly as documents will be.
    ///
    /// Throws `CodebookError` when terms are not valid patterns (all of them, located) and `TextError` when ICU
    /// itself fails, which is no fault of the codebook.
    public init(codebook: Codebook, normalization: NormalizationOptions, classifier: CharacterClassifier) throws {
        self.codebook = codebook
        self.normalization = normalization
        traditionalCharacters = normalization.simplifyChinese ? try TraditionalCharacterSet() : nil
        let normalizer = try TextNormalizer(options: normalization, traditional: traditionalCharacters)
        let codes = codebook.codes
        self.codes = codes
        var terms: [(code: Int, term: Term)] = []
        var automaton = PatternTrieBuilder()
        var exclusions = PatternTrieBuilder()
        var credits: [[Credit]] = []
        var exclusionCodes: [[Int]] = []
        var problems: [Diagnostic] = []
        var patternUnits: Set<UInt16> = []

        func compile(_ term: Term, code: Code) throws(TextError) -> TermPattern? {
            let normalized = try normalizer.normalize(term.text).string
            patternUnits.formUnion(normalized.utf16)
            do throws(TermPatternError) {
                return try TermPattern(parsing: normalized, classifier: classifier)
            } catch {
                problems.append(Diagnostic(.error, at: term.location, "\(error) (code '\(code.id)')"))
                return nil
            }
        }

        for (codeIndex, entry) in codes.enumerated() {
            for term in entry.code.terms {
                let termIndex = terms.count
                terms.append((codeIndex, term))
                guard let pattern = try compile(term, code: entry.code) else { continue }
                let number = automaton.number(for: pattern)
                if number == credits.count { credits.append([]) }
                // The first of a code's terms that normalize alike takes the credit; the code counts once.
                if !credits[number].contains(where: { $0.code == codeIndex }) {
                    credits[number].append(Credit(code: codeIndex, term: termIndex))
                }
            }
            for phrase in entry.code.exclusions {
                guard let pattern = try compile(phrase, code: entry.code) else { continue }
                let number = exclusions.number(for: pattern)
                if number == exclusionCodes.count { exclusionCodes.append([]) }
                if !exclusionCodes[number].contains(codeIndex) { exclusionCodes[number].append(codeIndex) }
            }
        }
        guard problems.isEmpty else { throw CodebookError.invalid(problems) }
        self.terms = terms
        self.automaton = PatternAutomaton(automaton, classifier: classifier)
        self.credits = credits.map(CreditList.init)
        self.exclusions = PatternAutomaton(exclusions, classifier: classifier)
        self.exclusionCodes = exclusionCodes
        var excludable = [Bool](repeating: false, count: codes.count)
        for code in exclusionCodes.joined() { excludable[code] = true }
        self.excludable = excludable
        self.patternUnits = patternUnits
    }

    /// The most slots of the terms' edge table that finding one edge probes (see `PatternAutomaton`).
    var longestProbe: Int { automaton.longestProbe }

    /// The terms' automaton, for tests of its edge filter.
    var termAutomaton: PatternAutomaton { automaton }

    /// The matches in a normalized text, in order.
    public func spans(in text: NormalizedText) -> [MatchSpan] {
        text.units.withUnsafeBufferPointer { units in
            var stack: [(step: PatternAutomaton.Step, position: Int)] = []
            stack.reserveCapacity(16)
            var spans: [MatchSpan] = []
            var position = 0
            while position < units.count {
                var best: PatternAutomaton.Hit? = nil
                automaton.forEachHit(in: units, at: position, stack: &stack) { hit in
                    if let current = best {
                        if hit.end < current.end { return }
                        if hit.end == current.end {
                            if hit.wildcardCount > current.wildcardCount { return }
                            if hit.wildcardCount == current.wildcardCount, hit.pattern > current.pattern { return }
                        }
                    }
                    best = hit
                }
                guard let hit = best else {
                    position += 1
                    continue
                }
                spans.append(MatchSpan(range: position..<hit.end, credits: credits[Int(hit.pattern)]))
                position = hit.end
            }
            // Exclusions only take credits away; the matches themselves, and so where the scan went on, stay.
            guard spans.contains(where: { $0.credits.contains { excludable[$0.code] } }) else { return spans }
            return removingExcluded(from: spans, in: units, stack: &stack)
        }
    }

    /// The spans without the credits that lie inside an occurrence of one of their code's exclusion phrases; spans
    /// left with no credit are dropped.
    private func removingExcluded(
        from spans: [MatchSpan], in units: UnsafeBufferPointer<UInt16>, stack: inout [(step: PatternAutomaton.Step, position: Int)]
    ) -> [MatchSpan] {
        let excluded = exclusionOccurrences(in: units, stack: &stack)
        guard !excluded.isEmpty else { return spans }
        var active: [(range: Range<Int>, code: Int)] = []
        var nextExcluded = 0
        var kept: [MatchSpan] = []
        kept.reserveCapacity(spans.count)
        for var span in spans {
            let (position, end) = (span.range.lowerBound, span.range.upperBound)
            // Exclusion occurrences arrive sorted by start; keep those that could still contain a match.
            while nextExcluded < excluded.count, excluded[nextExcluded].range.lowerBound <= position {
                active.append(excluded[nextExcluded])
                nextExcluded += 1
            }
            active.removeAll { $0.range.upperBound <= position }
            let remaining = span.credits.filter { credit in
                !active.contains { $0.code == credit.code && $0.range.upperBound >= end }
            }
            if remaining.count < span.credits.count { span.credits = CreditList(remaining) }
            if !span.credits.isEmpty { kept.append(span) }
        }
        return kept
    }

    /// Every occurrence of every exclusion phrase, overlapping ones included, sorted by start.
    private func exclusionOccurrences(
        in units: UnsafeBufferPointer<UInt16>, stack: inout [(step: PatternAutomaton.Step, position: Int)]
    ) -> [(range: Range<Int>, code: Int)] {
        guard !exclusions.isEmpty else { return [] }
        var occurrences: [(range: Range<Int>, code: Int)] = []
        for start in 0..<units.count where exclusions.mayStart(with: units[start]) {
            exclusions.forEachHit(in: units, at: start, stack: &stack) { hit in
                for code in exclusionCodes[Int(hit.pattern)] {
                    occurrences.append((start..<hit.end, code))
                }
            }
        }
        return occurrences
    }
}
