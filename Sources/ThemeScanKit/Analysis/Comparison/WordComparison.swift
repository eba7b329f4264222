/// Open-vocabulary words compared across groups, so that vocabulary new between years shows: the same rate
/// statistics as `GroupComparison` (G², its p-value, the adjusted p-value, and for two groups log ratio and
/// %DIFF of the second group against the first).
///
/// Every word whose total frequency reaches the minimum is tested, and p-values are adjusted over all of them;
/// then the `top` words by G² are kept, ties broken by the word (ascending), so the adjustment does not depend
/// on how many rows are shown.
public struct WordComparison: Sendable, Hashable {
    public let labels: [String]
    /// Token totals per group, in group order.
    public let tokens: [Int]
    public let options: WordComparisonOptions
    /// The words kept, highest G² first.
    public let rows: [WordComparisonRow]
    /// How many words were tested (and the p-values adjusted over).
    public let testedCount: Int
    /// Groups left out of the tests for lack of tokens.
    public let diagnostics: [Diagnostic]

    /// Compares the groups' words, in the order given (oldest first).
    public init(groups: [WordComparisonGroup], options: WordComparisonOptions = WordComparisonOptions())
        throws(ComparisonError)
    {
        guard groups.count >= 2 else { throw .tooFewGroups(groups.count) }
        var seen = Set<String>()
        for group in groups {
            guard !group.label.isEmpty else { throw .emptyLabel(source: group.source) }
            guard seen.insert(group.label).inserted else { throw .duplicateLabel(group.label) }
            guard group.tokens >= 0 else { throw .negativeCount(group: group.source, what: "token total") }
            if let word = group.counts.first(where: { $0.value < 0 })?.key {
                throw .negativeCount(group: group.source, what: "count for \(word)")
            }
        }
        labels = groups.map(\.label)
        tokens = groups.map(\.tokens)
        self.options = options
        diagnostics = groups.filter { $0.tokens == 0 }.map { group in
            Diagnostic(
                .warning, at: SourceLocation(path: group.source),
                "group \(group.label) has no tokens: its word rates are left empty and it is left out of the G² tests")
        }

        var totals: [String: Int] = [:]
        for group in groups {
            for (word, count) in group.counts { totals[word, default: 0] += count }
        }
        var tested: [(word: String, occurrences: [Int], result: TestResult)] = []
        for (word, total) in totals where total >= max(1, options.minimumFrequency) {
            let occurrences = groups.map { $0.counts[word] ?? 0 }
            let counts = zip(occurrences, groups).map { RateCount(occurrences: $0, tokens: $1.tokens) }
            if let result = LogLikelihood.rateTest(counts).result {
                tested.append((word, occurrences, result))
            }
        }
        testedCount = tested.count
        let adjusted = options.adjustment.adjusted(tested.map(\.result.p))
        let order = tested.indices.sorted { left, right in
            let (a, b) = (tested[left].result.statistic ?? 0, tested[right].result.statistic ?? 0)
            return a != b ? a > b : tested[left].word < tested[right].word
        }
        let groupTokens = tokens
        rows = order.prefix(max(0, options.top)).map { index in
            let entry = tested[index]
            let twoGroups = groupTokens.count == 2
            return WordComparisonRow(
                word: entry.word, occurrences: entry.occurrences,
                per10k: zip(entry.occurrences, groupTokens).map { count, tokens in
                    tokens > 0 ? Double(count) * 10_000 / Double(tokens) : nil
                },
                rateTest: entry.result, adjustedP: adjusted[index] ?? entry.result.p,
                logRatio: twoGroups
                    ? LogRatio.comparison(
                        targetCount: entry.occurrences[1], targetTotal: groupTokens[1],
                        referenceCount: entry.occurrences[0], referenceTotal: groupTokens[0]) : nil,
                percentDifference: twoGroups
                    ? PercentDifference.value(
                        targetCount: entry.occurrences[1], targetTotal: groupTokens[1],
                        referenceCount: entry.occurrences[0], referenceTotal: groupTokens[0]) : nil)
        }
    }
}
