import Foundation
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

    /// Word counts set aside by two workers, each under word ids of its own, merged, and merged again into a table
    /// with ids of its own: a case's counts add up across runs under the last table's words.
    @Test func wordCountsSetAsideUnderOtherIdsAddUp() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var held = CaseWordTable()
        var workers = [CaseWordTable(), CaseWordTable()]
        var writers = workers.indices.map { _ in SetAsideWriter(folder: folder.path, prefix: ".themescan-cases") }
        // Each worker meets the words in another order, so their ids differ.
        let vocabulary = [["抑郁", "bullying", "个案管理", "family"], ["family", "个案管理", "bullying", "抑郁"]]
        for position in 0..<40 {
            let worker = position % 2
            let words = [vocabulary[worker][position % 4]: 1, vocabulary[worker][(position + 1) % 4]: position % 3]
                .filter { $0.value > 0 }
            held.add(case: "case-\(position % 6)", words: words)
            workers[worker].add(case: "case-\(position % 6)", words: words)
            if position % 5 == 4 { try workers[worker].setAsideCases(to: &writers[worker]) }
        }
        var merged = workers[0]
        merged.merge(workers[1])
        var outer = CaseWordTable()
        outer.add(case: "case-0", words: ["焦虑": 1])
        outer.merge(merged)
        held.add(case: "case-0", words: ["焦虑": 1])
        #expect(outer == held)
        for minimum in 1...6 { #expect(outer.caseCounts(minimum: minimum) == held.caseCounts(minimum: minimum)) }
        #expect(outer.caseCounts(minimum: 4)["抑郁"] != nil)
    }
}
