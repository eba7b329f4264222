import Foundation
import Testing

@testable import ThemeScanKit

/// An input of many documents (a survey export, a row each) is handed on in parts as its documents are analyzed;
/// the documents, their order, the counts and the report's samples must be those of an input handed on whole.
@Suite struct InputPartsTests {
    static let answers = [
        "孩子有抑郁", "bullying at school", "个案管理很重要", "抑郁和焦虑", "nothing to report", "bullying again and bullying",
        "家长说孩子抑郁", "case management helps", "焦虑", "没有",
    ]

    /// Two surveys of different lengths and two transcripts, interleaved.
    static func sources(in folder: URL) throws -> [DocumentSource] {
        let files = [
            ("survey-a.csv", "answer\n" + answers.joined(separator: "\n") + "\n"),
            ("one.txt", "访谈者：孩子怎么样？\n受访者：有点抑郁，也被 bullying。\n"),
            ("survey-b.csv", "answer\n" + answers.reversed().prefix(7).joined(separator: "\n") + "\n"),
            ("two.txt", "个案管理和抑郁"),
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return files.map { DocumentSource(path: folder.appendingPathComponent($0.0).path, id: $0.0) }
    }

    @Test(arguments: [1, 3])
    func partsGiveWhatWholeInputsGive(jobs: Int) async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sources = try Self.sources(in: folder)
        let matcher = try TestSupport.matcher(codes: [
            ("depression", ["抑郁"], []), ("bullying", ["bullying"], []), ("case-management", ["个案管理", "case management"], []),
        ])
        var whole = CorpusAnalyzer(matcher: matcher, jobs: jobs, wordList: WordListSettings())
        whole.partDocuments = .max
        whole.samplesPerCode = 2
        var parted = whole
        parted.partDocuments = 3
        func run(_ analyzer: CorpusAnalyzer) async throws -> (AnalysisResult, [String]) {
            var handed: [String] = []
            // A document's own samples depend on how far the run had got when it was started; the run's do not.
            let result = try await analyzer.analyze(sources) { analysis, index in
                handed.append("\(index) \(analysis.input) \(analysis.summary.id)")
            }
            return (result, handed)
        }
        let (expected, expectedOrder) = try await run(whole)
        let (result, order) = try await run(parted)
        // Ten and seven rows, and a transcript after each survey.
        #expect(expectedOrder.count == 19)
        #expect(order == expectedOrder)
        #expect(result.documents == expected.documents)
        #expect(result.tally == expected.tally)
        #expect(result.samples == expected.samples)
        #expect(result.samples.values.map(\.count) == [2, 2, 2])
        #expect(result.diagnostics.map(\.description) == expected.diagnostics.map(\.description))
        #expect(result.tally.codeOccurrences.allSatisfy { $0 > 0 })
    }
}
