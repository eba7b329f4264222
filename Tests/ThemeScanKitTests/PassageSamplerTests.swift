import Foundation
import Testing

@testable import ThemeScanKit

/// The report's passages are the run's first matches of each code in document order, whatever the threads; a
/// document does not sample codes the run already has enough of.
@Suite struct PassageSamplerTests {
    static func matcher() throws -> Matcher {
        try TestSupport.matcher(codes: [
            ("depression", ["抑郁"], []), ("bullying", ["bullying"], []), ("case-management", ["个案管理"], []),
        ])
    }

    /// Twelve short files, as many documents; bullying only in the last ones.
    static func sources(in folder: URL) throws -> [DocumentSource] {
        let texts = (0..<12).map { index in
            index < 9 ? "孩子\(index)有抑郁，个案管理\(index)。抑郁少了。" : "bullying \(index) and 抑郁 again, bullying"
        }
        return try texts.enumerated().map { index, text in
            let name = String(format: "doc-%02d.txt", index)
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            return DocumentSource(path: folder.appendingPathComponent(name).path, id: name)
        }
    }

    @Test(arguments: [1, 3])
    func runSamplesAreTheFirstMatchesOfEachCodeInDocumentOrder(jobs: Int) async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var analyzer = CorpusAnalyzer(matcher: try Self.matcher(), jobs: jobs)
        analyzer.samplesPerCode = 3
        let result = try await analyzer.analyze(try Self.sources(in: folder))
        // Every match is kept here, numbered by document: the first three of each code are the expected samples.
        for code in 0..<3 {
            let expected = result.matches.filter { match in match.credits.contains { $0.code == code } }.prefix(3)
            let sampled: [Match] = result.samples[code] ?? []
            #expect(sampled == Array(expected), "code \(code)")
        }
        let documentsOfBullying: [Int] = result.samples[1]?.map(\.document) ?? []
        #expect(documentsOfBullying == [9, 9, 10])
        let documentsOfDepression: [Int] = result.samples[0]?.map(\.document) ?? []
        #expect(documentsOfDepression == [0, 0, 1])
    }

    @Test func analyzerLeavesOutCodesTheRunHasEnoughOf() throws {
        let matcher = try Self.matcher()
        let sampler = PassageSampler(perCode: 1, codeCount: 3)
        let analyzer = try DocumentAnalyzer(matcher: matcher)
        analyzer.samplesPerCode = 1
        analyzer.sampler = sampler
        let text = "抑郁和个案管理，bullying。"
        let document = Document(
            id: "d", caseID: "d", source: "d.txt", format: .text, encoding: "UTF-8", text: text,
            segments: [Segment(speaker: nil, text: text, start: 0)])
        let first = try analyzer.analyze(document, index: 0)
        #expect(first.samples.keys.sorted() == [0, 1, 2])
        // The run takes the depression sample: that code is full, the others are not.
        sampler.add([0: first.samples[0]!], document: 0)
        #expect(sampler.fullCodes() == [true, false, false])
        let second = try analyzer.analyze(document, index: 1)
        #expect(second.samples.keys.sorted() == [1, 2])
        #expect(second.tally.codeOccurrences == [1, 1, 1])
        // A full code takes no more samples.
        sampler.add([0: first.samples[0]!, 1: second.samples[1]!], document: 1)
        let samples = sampler.samples
        #expect(samples[0]?.map(\.document) == [0])
        #expect(samples[1]?.map(\.document) == [1])
    }
}
