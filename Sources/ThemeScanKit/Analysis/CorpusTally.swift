/// The counts of many documents: a value that merges associatively and commutatively.
///
/// That is what lets documents be analyzed in any order on any core and the result stay the same.
public struct CorpusTally: Sendable, Hashable {
    public var documents = 0
    public var tokens = 0
    public var characters = 0
    public var codeOccurrences: [Int]
    /// Documents with at least one occurrence, per code.
    public var codeDocuments: [Int]
    public var termOccurrences: [Int]
    public var termDocuments: [Int]
    /// Occurrences per code (by code index), for each case: kept sparse, as a survey export has a case per row
    /// and each row a few of the codes.
    public var caseCodeOccurrences = CaseCountTable()
    /// Occurrences per term (by term index), for each case.
    public var caseTerms = CaseCountTable()
    /// Occurrences and documents of each word of the open-vocabulary list.
    public var words: [String: WordCount] = [:]
    /// Occurrences of each word, for each case.
    public var caseWords = CaseWordTable()
    /// Cases that were complete when added (`add(_:completingCaseAt:)`); nil while there are none.
    public var completedCases: CompletedCaseCounts?
    /// Whether a case finished when added keeps its code counts in `caseCodeOccurrences`, for the case tables;
    /// otherwise they count towards `codeCases` at once (`completedCases`), as a group of `--group-by` needs, and
    /// `caseCodePairs` leaves those cases out.
    public var keepsFinishedCases = true
    /// The codes credited by each word that is a codebook match.
    public var wordCodes: [String: Set<Int>] = [:]
    /// Speaker turns in which both codes of a pair occur.
    public var segmentPairs: [CodePair: Int] = [:]
    /// Counted speaker turns and their tokens, by speaker role.
    public var roleSegments: [String: Int] = [:]
    public var roleTokens: [String: Int] = [:]

    /// How often a word occurs, and in how many documents.
    public struct WordCount: Sendable, Hashable {
        public var occurrences: Int
        public var documents: Int

        mutating func add(_ other: WordCount) {
            occurrences += other.occurrences
            documents += other.documents
        }
    }

    public init(codeCount: Int, termCount: Int) {
        codeOccurrences = Array(repeating: 0, count: codeCount)
        codeDocuments = Array(repeating: 0, count: codeCount)
        termOccurrences = Array(repeating: 0, count: termCount)
        termDocuments = Array(repeating: 0, count: termCount)
    }

    /// The tally of one document.
    public init(_ document: DocumentTally) {
        self.init(codeCount: document.codeOccurrences.count, termCount: document.termOccurrences.count)
        add(document)
    }

    /// Adds one document's tally, as `merge(CorpusTally(document))` would. When `minimum` is given, the document
    /// is known to be the only one of its case: its words and terms count towards the cases reaching `minimum` at
    /// once (`completedCases`) instead of going into per-case tables, and every table must then ask for case counts
    /// at that same minimum.
    public mutating func add(_ document: DocumentTally, completingCaseAt minimum: Int? = nil) {
        addCounts(of: document)
        let codes = document.codeOccurrences.enumerated().lazy.map { (key: $0.offset, count: $0.element) }
        guard let minimum else {
            caseCodeOccurrences.add(case: document.caseID, codes)
            caseTerms.add(case: document.caseID, document.termOccurrences.enumerated().lazy.map { (key: $0.offset, count: $0.element) })
            caseWords.add(case: document.caseID, words: document.words)
            return
        }
        if keepsFinishedCases { caseCodeOccurrences.add(finishedCase: document.caseID, codes) }
        if completedCases == nil {
            completedCases = CompletedCaseCounts(
                minimum: minimum, termCount: termOccurrences.count,
                codeCount: keepsFinishedCases ? nil : codeOccurrences.count)
        }
        completedCases!.add(document, minimum: minimum)
    }

    /// Everything of a document but its per-case counts. Added field by field: building a tally of the document
    /// first and merging it hashed every word twice more.
    private mutating func addCounts(of document: DocumentTally) {
        documents += 1
        tokens += document.tokens
        characters += document.characters
        Self.add(document.codeOccurrences, into: &codeOccurrences, documents: &codeDocuments)
        Self.add(document.termOccurrences, into: &termOccurrences, documents: &termDocuments)
        for (word, count) in document.words {
            words[word, default: WordCount(occurrences: 0, documents: 0)].add(WordCount(occurrences: count, documents: 1))
        }
        wordCodes.merge(document.wordCodes) { $0.union($1) }
        segmentPairs.merge(document.segmentPairs, uniquingKeysWith: +)
        roleSegments.merge(document.roleSegments, uniquingKeysWith: +)
        roleTokens.merge(document.roleTokens, uniquingKeysWith: +)
    }

    /// Adds another tally into this one.
    public mutating func merge(_ other: CorpusTally) {
        documents += other.documents
        tokens += other.tokens
        characters += other.characters
        Self.add(other.codeOccurrences, into: &codeOccurrences)
        Self.add(other.codeDocuments, into: &codeDocuments)
        Self.add(other.termOccurrences, into: &termOccurrences)
        Self.add(other.termDocuments, into: &termDocuments)
        caseCodeOccurrences.merge(other.caseCodeOccurrences)
        caseTerms.merge(other.caseTerms)
        for (word, count) in other.words {
            words[word, default: WordCount(occurrences: 0, documents: 0)].add(count)
        }
        caseWords.merge(other.caseWords)
        if let others = other.completedCases {
            if completedCases == nil { completedCases = others } else { completedCases!.merge(others) }
        }
        wordCodes.merge(other.wordCodes) { $0.union($1) }
        segmentPairs.merge(other.segmentPairs, uniquingKeysWith: +)
        roleSegments.merge(other.roleSegments, uniquingKeysWith: +)
        roleTokens.merge(other.roleTokens, uniquingKeysWith: +)
    }

    /// About the bytes that the cases kept by name take in the three per-case tables.
    var heldCaseBytes: Int {
        caseCodeOccurrences.heldCaseBytes + caseTerms.heldCaseBytes + caseWords.heldCaseBytes
    }

    /// Sets the cases kept by name in the three per-case tables aside in `writer`'s file, each table's as a run of
    /// its own that it reads from there (`CaseCountTable.setAsideCases(to:)`).
    mutating func setAsideCases(to writer: inout SetAsideWriter) throws(TextError) {
        try caseCodeOccurrences.setAsideCases(to: &writer)
        try caseTerms.setAsideCases(to: &writer)
        try caseWords.setAsideCases(to: &writer)
    }

    /// Cases with at least `minimum` occurrences of each word.
    public func wordCases(minimum: Int = 1) -> [String: Int] {
        let counts = caseWords.caseCounts(minimum: minimum)
        return completedCases?.adding(to: counts, minimum: minimum) ?? counts
    }

    /// For each pair of codes, the number of cases coded for both (at least `minimum` occurrences of each); pairs
    /// that no case shares are left out.
    ///
    /// Counted case by case over the codes each case has, so the cost follows the coded cells, not the number of
    /// code pairs times the number of cases: intersecting sets of case ids for every pair made a survey export
    /// with a case per row spend most of its run here.
    public func caseCodePairs(minimum: Int = 1) -> [CodePair: Int] {
        var counter = CodePairCounter(codes: codeOccurrences.count)
        caseCodeOccurrences.forEachCase(keysReaching: minimum) { coded in counter.countPairs(of: coded[...]) }
        var pairs: [CodePair: Int] = [:]
        counter.drain(into: &pairs)
        return pairs
    }

    /// Cases with at least `minimum` occurrences of each code.
    public func codeCases(minimum: Int = 1) -> [Int] {
        let counts = caseCodeOccurrences.caseCounts(minimum: minimum, width: codeOccurrences.count)
        return completedCases?.addingCodes(to: counts, minimum: minimum) ?? counts
    }

    /// Cases with at least `minimum` occurrences of each term.
    public func termCases(minimum: Int = 1) -> [Int] {
        let counts = caseTerms.caseCounts(minimum: minimum, width: termOccurrences.count)
        return completedCases?.adding(to: counts, minimum: minimum) ?? counts
    }

    private static func add(_ values: [Int], into total: inout [Int]) {
        for index in values.indices { total[index] += values[index] }
    }

    /// Adds one document's counts and counts it once for each key it has: one pass that skips the zeros, which
    /// are nearly all of a short document's 1,789 term counts, where two passes added and counted every entry.
    private static func add(_ values: [Int], into total: inout [Int], documents: inout [Int]) {
        precondition(values.count <= total.count && values.count <= documents.count)
        values.withUnsafeBufferPointer { values in
            total.withUnsafeMutableBufferPointer { total in
                documents.withUnsafeMutableBufferPointer { documents in
                    for index in values.indices where values[index] != 0 {
                        total[index] += values[index]
                        if values[index] > 0 { documents[index] += 1 }
                    }
                }
            }
        }
    }
}
