import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct TermSurveyTests {
    @Test func wordBoundariesIncludeBothEnds() throws {
        #expect(try WordSegmenter().boundaries(in: Array("hello world".utf16)) == [0, 5, 6, 11])
        #expect(try WordSegmenter().boundaries(in: []) == [0])
    }

    @Test func matchesInsideAWordAreCountedWithTheirEnclosingWords() throws {
        let matcher = try TestSupport.matcher(codes: [
            (id: "heart", terms: ["心"], exclude: []), (id: "school", terms: ["school"], exclude: []),
            (id: "absent", terms: ["不存在的词"], exclude: []),
        ])
        let text = "心理健康很重要。The school and 心理 again."
        let document = Document(
            id: "d", caseID: "d", source: "d.txt", format: .text, encoding: "UTF-8", text: text,
            segments: [Segment(text: text, start: 0)])
        let survey = try TermSurveyor(matcher: matcher).survey([document])
        let heart = survey.usages[0]
        #expect(heart.matches == 2)
        #expect(heart.cutMatches == 2)
        let words = heart.mostFrequentEnclosingWords()
        #expect(words.allSatisfy { $0.word.hasPrefix("心") && $0.word.count > 1 })
        #expect(words.map(\.count).reduce(0, +) == 2)
        #expect(survey.usages[1].matches == 1)
        #expect(survey.usages[1].cutMatches == 0)
        #expect(survey.unmatchedCodes == [2])
    }

    @Test func theBinaryReportsCutsAndUnmatchedCodesAsNotes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try LexiconCheckTests.runCapturingOutput(
            ["lexicon", "check", LexiconCheckTests.sample, "--corpus", TestSupport.fixtures.appendingPathComponent("sample").path],
            in: folder)
        #expect(run.status == 0)
        #expect(run.output.contains("\(LexiconCheckTests.sample):16:17: note: term '心' (code 'heart'): "))
        #expect(run.output.contains("\(LexiconCheckTests.sample):18:9: note: code 'loss' never matched in 3 document(s)"))
    }
}
