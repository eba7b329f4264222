/// What cases that were complete when counted add to the case counts: for each word and each term, how many of
/// those cases have at least `minimum` occurrences of it.
///
/// Their per-case tables are not kept, so a run with a case per file does not hold a word table per file. The
/// price is that these counts exist at one minimum only: tallies completed at different minimums cannot be merged,
/// and case counts can be asked for at that minimum only.
public struct CompletedCaseCounts: Sendable, Hashable {
    public let minimum: Int
    public private(set) var words: [String: Int] = [:]
    public private(set) var terms: [Int]
    /// For each code, how many of those cases have at least `minimum` occurrences of it, when their code counts are
    /// not kept case by case (`CorpusTally.keepsFinishedCases`); nil when they are.
    public private(set) var codes: [Int]?

    init(minimum: Int, termCount: Int, codeCount: Int?) {
        self.minimum = max(1, minimum)
        terms = Array(repeating: 0, count: termCount)
        codes = codeCount.map { Array(repeating: 0, count: $0) }
    }

    /// Counts one complete case, given by its only document, at `minimum`, which must be this one.
    mutating func add(_ document: DocumentTally, minimum asked: Int) {
        checkMinimum(asked)
        for (word, count) in document.words where count >= minimum { words[word, default: 0] += 1 }
        for (term, count) in document.termOccurrences.enumerated() where count >= minimum { terms[term] += 1 }
        guard codes != nil else { return }
        for (code, count) in document.codeOccurrences.enumerated() where count >= minimum { codes![code] += 1 }
    }

    mutating func merge(_ other: CompletedCaseCounts) {
        precondition(other.minimum == minimum, "cases completed at minimums \(minimum) and \(other.minimum)")
        words.merge(other.words, uniquingKeysWith: +)
        for index in terms.indices { terms[index] += other.terms[index] }
        if let others = other.codes { codes = zip(codes ?? others.map { _ in 0 }, others).map(+) }
    }

    /// Adds these cases to per-code case counts made from per-case tables at `minimum`, which must be this one,
    /// when their codes were counted here.
    func addingCodes(to counts: [Int], minimum asked: Int) -> [Int] {
        guard let codes else { return counts }
        checkMinimum(asked)
        return zip(counts, codes).map(+)
    }

    /// Adds these cases to case counts made from per-case tables at `minimum`, which must be this one.
    func adding(to counts: [String: Int], minimum asked: Int) -> [String: Int] {
        checkMinimum(asked)
        return counts.merging(words, uniquingKeysWith: +)
    }

    /// Adds these cases to per-term case counts made from per-case tables at `minimum`, which must be this one.
    func adding(to counts: [Int], minimum asked: Int) -> [Int] {
        checkMinimum(asked)
        return zip(counts, terms).map(+)
    }

    private func checkMinimum(_ asked: Int) {
        precondition(max(1, asked) == minimum, "cases were completed at minimum \(minimum), not \(asked)")
    }
}
