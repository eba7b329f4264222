import Testing

@testable import ThemeScanKit

/// The run's cases in the order of their names, each with its code counts, whether they were finished when counted
/// or kept by name.
@Suite struct CaseListTests {
    /// Documents of finished cases (each its case's only one) and of cases with several documents, some with no
    /// match at all.
    static func run(finished: [String], shared: [String]) -> (DocumentSummaries, CaseCountTable, [String: [Int]]) {
        var table = CaseCountTable()
        var summaries: [DocumentSummary] = []
        var expected: [String: [Int]] = [:]
        for (position, name) in finished.enumerated() {
            let counts = position % 3 == 2 ? [0, 0] : [position % 4, position % 5 + 1]
            table.add(finishedCase: name, counts.enumerated().map { (key: $0.offset, count: $0.element) })
            expected[name] = counts
            summaries.append(DocumentSummary(
                id: name, caseID: name, source: "s.csv", format: .csv, encoding: "UTF-8", characters: 1, tokens: 1))
        }
        for (position, name) in shared.enumerated() {
            for part in 0..<2 {
                let counts = position % 2 == 0 ? [0, 0] : [1, part]
                table.add(case: name, counts.enumerated().map { (key: $0.offset, count: $0.element) })
                expected[name, default: [0, 0]] = zip(expected[name, default: [0, 0]], counts).map(+)
                summaries.insert(
                    DocumentSummary(
                        id: "\(name)-\(part)", caseID: name, source: "t.txt", format: .text, encoding: "UTF-8",
                        characters: 1, tokens: 1),
                    at: (position * 7) % (summaries.count + 1))
            }
        }
        return (DocumentSummaries(summaries), table, expected)
    }

    static let finished = (1...120).map { "问卷.csv#row-\($0)" } + ["a", "ab", "b", "", "Zed", "早"]
    /// Names that sort among the finished ones (a case is never both).
    static let shared = ["项目A", "问卷.csv#row-100 ", "a ", "问卷.csv#row-5x", "aa"]

    @Test func casesAreInNameOrderWithTheirCounts() {
        let (documents, table, expected) = Self.run(finished: Self.finished, shared: Self.shared)
        let list = CaseList(documents: documents, table: table)
        #expect(list.isOrderedByBytes)
        #expect(Array(list) == expected.keys.sorted())
        for (position, name) in list.enumerated() {
            #expect(list.codeCounts(at: position, width: 2) == expected[name], "\(name)")
            #expect(list.totalCodeCount(at: position) == expected[name]!.reduce(0, +), "\(name)")
        }
    }

    @Test func aDocumentOfAFinishedCaseAddsNoSecondCase() {
        let (documents, table, _) = Self.run(finished: Self.finished, shared: [])
        let again = DocumentSummaries(Array(documents) + Array(documents))
        let list = CaseList(documents: again, table: table)
        #expect(list.isOrderedByBytes)
        #expect(Array(list) == Self.finished.sorted())
    }

    /// A name not in NFC may order otherwise by its bytes: the cases are then listed by name, in the same order.
    @Test(arguments: [true, false])
    func namesNotInNFCAreListedByName(finishedName: Bool) {
        let decomposed = "Cafe\u{301} 2"
        let composed = "Caf\u{E9} 1"
        let (documents, table, expected) = Self.run(
            finished: Self.finished + (finishedName ? [decomposed] : []) + [composed],
            shared: Self.shared + (finishedName ? [] : [decomposed]))
        let list = CaseList(documents: documents, table: table)
        #expect(!list.isOrderedByBytes)
        #expect(Array(list) == expected.keys.sorted())
        // By bytes the decomposed name would come before the composed one.
        #expect(list.firstIndex(of: composed)! < list.firstIndex(of: decomposed)!)
        for (position, name) in list.enumerated() {
            #expect(list.codeCounts(at: position, width: 2) == expected[name], "\(name)")
        }
    }
}
