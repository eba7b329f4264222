import Foundation
import Testing

@testable import ThemeScanKit

/// A huge document that is the next one due in `matches.csv` writes its rows there itself; any other sets them
/// aside for the consumer to copy. Either way the file holds the same bytes, whatever the number of workers.
@Suite struct DueRowsTests {
    /// Rows a document keeps in memory before handing them on: small, so most of these documents outgrow it.
    static let spillBytes = 2_000

    /// The files rows were set aside in that are still in `folder`: none once a run is over.
    static func setAsideFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".themescan-rows") }
    }

    struct Run {
        var bytes: [UInt8]
        /// For each document in order: its rows left for the consumer, and whether it set rows aside.
        var documents: [(rowsLeft: Int, setAside: Bool)]
    }

    static func run(
        _ sources: [DocumentSource], matcher: Matcher, jobs: Int, spillBytes: Int, direct: Bool, folder: URL, name: String
    ) async throws -> Run {
        let path = folder.appendingPathComponent(name).path
        let writer = try CSVStreamWriter(path: path, header: AnalysisResult.matchesHeader)
        var analyzer = CorpusAnalyzer(
            matcher: matcher, jobs: jobs, rowRenderer: MatchRowRenderer(codes: matcher.codes, terms: matcher.terms))
        analyzer.keepsMatches = false
        analyzer.rowSpillBytes = spillBytes
        analyzer.spillFolder = folder.path
        if direct { analyzer.matchesFile = writer }
        var documents: [(rowsLeft: Int, setAside: Bool)] = []
        // As `analyze` writes matches.csv.
        _ = try await analyzer.analyze(sources) { analysis, _ in
            documents.append((analysis.matchRows.count, analysis.spilledMatchRows != nil))
            if let spilled = analysis.spilledMatchRows { try writer.append(movingRowsFrom: spilled) }
            try writer.append(rendered: analysis.matchRows)
        }
        try writer.close()
        return Run(bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))), documents: documents)
    }

    @Test func rowsWrittenByTheirDocumentOrSetAsideMakeTheSameFile() async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matcher = try TestSupport.matcher(codes: ChunkingTests.codes)
        // Large and small documents, and one without a match, so workers finish out of order.
        let sentences = [120, 3, 90, 0, 200, 5, 60, 1]
        var sources: [DocumentSource] = []
        for (index, count) in sentences.enumerated() {
            let url = folder.appendingPathComponent("doc-\(index).txt")
            try Data((count == 0 ? "没有什么可说的。" : ChunkingTests.text(sentences: count)).utf8).write(to: url)
            sources.append(DocumentSource(path: url.path, id: url.lastPathComponent))
        }
        let reference = try await Self.run(
            sources, matcher: matcher, jobs: 1, spillBytes: .max, direct: false, folder: folder, name: "reference.csv")
        let outgrowing = reference.documents.indices.filter { reference.documents[$0].rowsLeft >= Self.spillBytes }
        #expect(outgrowing.count >= 4)

        let setAside = try await Self.run(
            sources, matcher: matcher, jobs: 1, spillBytes: Self.spillBytes, direct: false, folder: folder, name: "aside.csv")
        // Compared into a flag: a failure would otherwise print both files' bytes.
        let setAsideSame = setAside.bytes == reference.bytes
        #expect(setAsideSame, "set aside: \(setAside.bytes.count) bytes of \(reference.bytes.count)")
        #expect(outgrowing.allSatisfy { setAside.documents[$0].setAside })

        // One worker: the first input is due from the start, so its rows go straight to the file; later ones are
        // due as soon as the consumer has caught up.
        let direct = try await Self.run(
            sources, matcher: matcher, jobs: 1, spillBytes: Self.spillBytes, direct: true, folder: folder, name: "direct.csv")
        let directSame = direct.bytes == reference.bytes
        #expect(directSame, "direct: \(direct.bytes.count) bytes of \(reference.bytes.count)")
        #expect(!direct.documents[0].setAside && direct.documents[0].rowsLeft < Self.spillBytes)
        #expect(outgrowing.contains(0))

        for round in 0..<6 {
            let parallel = try await Self.run(
                sources, matcher: matcher, jobs: 3, spillBytes: Self.spillBytes, direct: true, folder: folder,
                name: "parallel-\(round).csv")
            let parallelSame = parallel.bytes == reference.bytes
            #expect(parallelSame, "round \(round): \(parallel.bytes.count) bytes of \(reference.bytes.count)")
        }
        // Nothing is left behind in the folder the rows were set aside in.
        #expect(try Self.setAsideFiles(in: folder).isEmpty)
    }

    /// A document not yet due sets its rows aside; once due, it moves them into the file itself, then writes the
    /// rest there, so the consumer has only its last rows to copy.
    @Test(arguments: [0, 1, 3])
    func aDocumentThatBecomesDueMovesWhatItSetAsideFirst(waits: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let matcher = try TestSupport.matcher(codes: ChunkingTests.codes)
        let renderer = MatchRowRenderer(codes: matcher.codes, terms: matcher.terms)
        let document = ChunkingTests.document(ChunkingTests.text(sentences: 200))
        let reference = try DocumentAnalyzer(
            matcher: matcher, contextLength: 20, speakers: .all, rowRenderer: renderer, chunkLength: 300
        ).analyze(document, index: 0)
        #expect(reference.matchRows.count > 10 * 1_000)

        let path = folder.appendingPathComponent("matches.csv").path
        let writer = try CSVStreamWriter(path: path, header: ["h"])
        let analyzer = try DocumentAnalyzer(
            matcher: matcher, contextLength: 20, speakers: .all, rowRenderer: renderer, chunkLength: 300,
            rowSpillBytes: 1_000)
        analyzer.spillFolder = folder.path
        var asked = 0
        analyzer.dueRowsFile = {
            asked += 1
            return asked > waits ? writer : nil
        }
        let analysis = try analyzer.analyze(document, index: 0)
        #expect(asked == waits + 1)
        #expect(analysis.spilledMatchRows == nil)
        #expect(analysis.matchRows.count < 1_000)
        try writer.append(rendered: analysis.matchRows)
        try writer.close()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let same = written == Array("h\r\n".utf8) + reference.matchRows
        #expect(same, "\(written.count) bytes against \(reference.matchRows.count + 3)")
        #expect(try Self.setAsideFiles(in: folder).isEmpty)
    }
}
