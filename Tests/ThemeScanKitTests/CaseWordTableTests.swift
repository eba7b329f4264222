import Testing

@testable import ThemeScanKit

/// Word counts per case, kept under ids, must behave as the dictionaries of strings they replace.
@Suite struct CaseWordTableTests {
    static let documents: [(caseID: String, words: [String: Int])] = [
        ("A", ["抑郁": 2, "bullying": 1]), ("B", ["抑郁": 1, "个案管理": 3]), ("A", ["抑郁": 1, "family": 4]),
        ("C", ["family": 1]), ("B", [:]),
    ]

    /// The counts the table should hold, added up the plain way.
    static var expected: [String: [String: Int]] {
        var byCase: [String: [String: Int]] = [:]
        for document in documents where !document.words.isEmpty {
            byCase[document.caseID, default: [:]].merge(document.words, uniquingKeysWith: +)
        }
        return byCase
    }

    @Test func documentsAddUpPerCaseInAnyOrderAndGrouping() {
        var forward = CaseWordTable()
        for document in Self.documents { forward.add(case: document.caseID, words: document.words) }
        // Each document in a table of its own (its own word ids), merged backwards.
        var backward = CaseWordTable()
        for document in Self.documents.reversed() {
            var single = CaseWordTable()
            single.add(case: document.caseID, words: document.words)
            backward.merge(single)
        }
        #expect(forward.byCase == Self.expected)
        #expect(backward.byCase == Self.expected)
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
    }

    @Test func casesAreCountedFromTheMinimum() {
        var table = CaseWordTable()
        for document in Self.documents { table.add(case: document.caseID, words: document.words) }
        #expect(table.caseCounts() == ["抑郁": 2, "bullying": 1, "个案管理": 1, "family": 2])
        #expect(table.caseCounts(minimum: 3) == ["抑郁": 1, "个案管理": 1, "family": 1])
        #expect(CaseWordTable().caseCounts().isEmpty)
    }

    @Test func corpusTalliesAddingDocumentsEqualTalliesMergingThem() {
        var added = CorpusTally(codeCount: 1, termCount: 1)
        var merged = CorpusTally(codeCount: 1, termCount: 1)
        for document in Self.documents {
            var tally = DocumentTally(caseID: document.caseID, tokens: 1, characters: 2, codeCount: 1, termCount: 1)
            tally.words = document.words
            added.add(tally)
            merged.merge(CorpusTally(tally))
        }
        #expect(added == merged)
        #expect(added.wordCases() == ["抑郁": 2, "bullying": 1, "个案管理": 1, "family": 2])
    }

    @Test func termCasesAreCountedFromSparseEntriesInAnyOrder() {
        let documents: [(caseID: String, terms: [Int])] = [("A", [1, 0, 0, 2]), ("B", [0, 0, 5, 1]), ("A", [2, 0, 0, 0])]
        var forward = CorpusTally(codeCount: 1, termCount: 4)
        var backward = CorpusTally(codeCount: 1, termCount: 4)
        let tallies = documents.map { document in
            var tally = DocumentTally(caseID: document.caseID, tokens: 1, characters: 1, codeCount: 1, termCount: 4)
            tally.termOccurrences = document.terms
            return tally
        }
        tallies.forEach { forward.add($0) }
        tallies.reversed().forEach { backward.merge(CorpusTally($0)) }
        #expect(forward == backward)
        #expect(forward.caseTerms.byCase == ["A": [0: 3, 3: 2], "B": [2: 5, 3: 1]])
        #expect(forward.termCases() == [1, 0, 1, 2])
        #expect(forward.termCases(minimum: 3) == [1, 0, 1, 0])
    }
}
