import Foundation
import Testing

@testable import ThemeScanKit

/// An input of many documents is cut into parts that any worker takes, oldest first; parts that come back out of
/// order are handed on in order, and the input is done only when its last part is.
@Suite struct SplitInputTests {
    static func document(_ id: String) -> Document {
        Document(id: id, caseID: id, source: "s.csv", format: .csv, encoding: "UTF-8", text: id, segments: [])
    }

    static func analysis(_ id: String) -> DocumentAnalysis {
        DocumentAnalysis(
            summary: DocumentSummary(
                id: id, caseID: id, source: "s.csv", format: .csv, encoding: "UTF-8", characters: 1, tokens: 1,
                speakers: [], segments: 1),
            matches: [], tally: DocumentTally(caseID: id, tokens: 1, characters: 1, codeCount: 1, termCount: 1))
    }

    @Test func partsAreTakenOldestFirst() {
        let queue = CorpusAnalyzer.PartQueue()
        queue.append([0, 1].map { CorpusAnalyzer.PendingPart(input: 4, number: $0, documents: [Self.document("d\($0)")]) })
        queue.append([CorpusAnalyzer.PendingPart(input: 5, number: 0, documents: [])])
        let first = queue.next()
        #expect(first?.input == 4 && first?.number == 0 && first?.documents.map(\.id) == ["d0"])
        #expect(queue.next()?.number == 1)
        #expect(queue.next()?.input == 5)
        #expect(queue.next() == nil)
        queue.append([CorpusAnalyzer.PendingPart(input: 6, number: 0, documents: [])])
        #expect(queue.next()?.input == 6)
    }

    @Test func partsAreHandedOnInOrderWhateverOrderTheyArriveIn() throws {
        // Two summaries are held, so the rest are set aside in a file, and read back in order.
        var assembly = CorpusAnalyzer.Assembly(
            sampler: nil, documents: DocumentSummaryWriter(heldDocuments: 2, folder: nil))
        var arrivals = CorpusAnalyzer.Arrivals()
        var handed: [String] = []
        let consume: (DocumentAnalysis, Int) throws -> Void = { analysis, index in
            handed.append("\(index):\(analysis.summary.id)@\(analysis.input)")
        }
        let warning = Diagnostic(.warning, at: SourceLocation(path: "s.csv", line: 3), "odd row")
        arrivals.record(.part(2, [Self.analysis("e")]))
        arrivals.record(.split(parts: 3, [warning]))
        #expect(try !assembly.handOn(&arrivals, input: 7, consume: consume))
        #expect(handed.isEmpty)
        arrivals.record(.part(0, [Self.analysis("a"), Self.analysis("b")]))
        #expect(try !assembly.handOn(&arrivals, input: 7, consume: consume))
        #expect(handed == ["0:a@7", "1:b@7"])
        #expect(assembly.diagnostics.isEmpty)
        arrivals.record(.part(1, [Self.analysis("c"), Self.analysis("d")]))
        #expect(try assembly.handOn(&arrivals, input: 7, consume: consume))
        #expect(handed == ["0:a@7", "1:b@7", "2:c@7", "3:d@7", "4:e@7"])
        let documents = try assembly.documents.finish()
        #expect(documents.isSetAside)
        #expect(documents.map(\.id) == ["a", "b", "c", "d", "e"])
        #expect(assembly.diagnostics.map(\.message) == ["odd row"])
    }
}
