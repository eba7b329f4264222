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

    /// A second export that is cut into parts waits for the first to be handed on before its parts are analyzed,
    /// its reader helping with the first's parts: analyzed ahead, its rows waited with their counts, all of them.
    @Test func aSecondSplitInputWaitsUntilTheFirstIsHandedOn() async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var sources: [DocumentSource] = []
        for name in ["a.csv", "b.csv"] {
            var csv = "id,answer\n"
            for row in 0..<1_500 { csv += "\(row),孩子有点抑郁 \(name) \(row)\n" }
            try csv.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            sources.append(DocumentSource(path: folder.appendingPathComponent(name).path, id: name))
        }
        var analyzer = CorpusAnalyzer(
            matcher: try TestSupport.matcher(codes: [("depression", ["抑郁"], [])]), jobs: 2)
        analyzer.partDocuments = 4
        analyzer.keepsMatches = false
        let result = try await analyzer.analyze(sources)
        #expect(result.documents.count == 3_000)
        #expect(result.documents.map(\.id).prefix(2) == ["a.csv#row-2", "a.csv#row-3"])
        #expect(result.documents.last?.id == "b.csv#row-1501")
        #expect(result.tally.codeOccurrences == [3_000])
        // Parts in flight: those queued (two a worker), those being analyzed, and those back early, of one input:
        // under 64 here, 108 under the address sanitizer, whose threads the system holds up longer. Without the
        // wait, the second input's 1,500 analyses waited.
        #expect(result.mostWaitingAnalyses <= 600, "\(result.mostWaitingAnalyses) analyses waited")
    }

    /// A consumer slower than the workers (a shard writing every document's counts) holds the reader back: parts
    /// of a long export wait for it a few at a time, where all of its analyses had piled up in the stream to it.
    @Test func aSlowConsumerHoldsTheReaderBack() async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "id,answer\n"
        for row in 0..<2_000 { csv += "\(row),孩子有点抑郁 \(row)\n" }
        let path = folder.appendingPathComponent("long.csv").path
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        var analyzer = CorpusAnalyzer(
            matcher: try TestSupport.matcher(codes: [("depression", ["抑郁"], [])]), jobs: 2)
        analyzer.partDocuments = 4
        analyzer.waitingPartsLimit = 2
        analyzer.keepsMatches = false
        var handedOn: [String] = []
        let result = try await analyzer.analyze([DocumentSource(path: path, id: "long.csv")]) { analysis, _ in
            handedOn.append(analysis.summary.id)
            usleep(200)
        }
        #expect(handedOn.count == 2_000)
        #expect(handedOn == (2...2_001).map { "long.csv#row-\($0)" })
        #expect(result.tally.codeOccurrences == [2_000])
        // Two parts waiting, two queued and one each worker is analyzing, of four rows: about 20. Without the
        // wait, nearly all 2,000 had been analyzed before a tenth was handed on.
        #expect(result.mostWaitingAnalyses <= 60, "\(result.mostWaitingAnalyses) analyses waited")
    }
}
