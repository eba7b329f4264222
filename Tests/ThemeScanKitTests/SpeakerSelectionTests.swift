import Testing

@testable import ThemeScanKit

@Suite struct SpeakerSelectionTests {
    /// `访谈者：抑郁多吗？` then `受访者：抑郁很多，焦虑也有。` then an unlabelled line.
    private func interview() -> Document {
        let text = "访谈者：抑郁多吗？\n受访者：抑郁很多，焦虑也有。\n（录音中断）抑郁"
        let scalars = Array(text.unicodeScalars)
        func segment(_ from: Int, _ to: Int, _ speaker: String?, _ role: SpeakerRole) -> Segment {
            Segment(
                speaker: speaker, role: role, text: String(String.UnicodeScalarView(scalars[from..<to])), start: from)
        }
        return Document(
            id: "i.txt", caseID: "P1", source: "i.txt", format: .text, encoding: "UTF-8", metadata: ["year": "2024"],
            text: text,
            segments: [
                segment(4, 9, "访谈者", .interviewer), segment(14, 24, "受访者", .respondent),
                segment(25, 33, nil, .unknown),
            ])
    }

    private func analyze(_ selection: SpeakerSelection) throws -> DocumentAnalysis {
        let matcher = try TestSupport.matcher(codes: [("depression", ["抑郁"], []), ("anxiety", ["焦虑"], [])])
        return try DocumentAnalyzer(matcher: matcher, speakers: selection).analyze(interview(), index: 0)
    }

    @Test func selectionDecidesWhichTurnsCount() throws {
        let all = try analyze(.all)
        #expect(all.tally.codeOccurrences == [3, 1])
        #expect(all.matches.map(\.role) == [.interviewer, .respondent, .respondent, .unknown])
        #expect(all.matches.map(\.start) == [4, 14, 19, 31])
        let respondent = try analyze(.respondent)
        #expect(respondent.tally.codeOccurrences == [2, 1])
        #expect(respondent.summary.segments == 2)
        let interviewer = try analyze(.interviewer)
        #expect(interviewer.tally.codeOccurrences == [1, 0])
        #expect(interviewer.summary.segments == 1)
        #expect(interviewer.tally.tokens < all.tally.tokens)
        #expect(all.summary.speakers == [
            SpeakerSummary(label: "访谈者", role: .interviewer), SpeakerSummary(label: "受访者", role: .respondent),
        ])
    }

    @Test func documentsTableCarriesSpeakersSegmentsAndMetadataColumns() throws {
        let analysis = try analyze(.respondent)
        let matcher = try TestSupport.matcher(codes: [("depression", ["抑郁"], []), ("anxiety", ["焦虑"], [])])
        var other = analysis.summary
        other.id = "j.txt"
        other.metadata = ["organization": "Org", "year": "2021"]
        let result = AnalysisResult(
            codes: matcher.codes, terms: matcher.terms, documents: [analysis.summary, other], matches: analysis.matches,
            tally: CorpusTally(analysis.tally), diagnostics: [], skippedFiles: [])
        let lines = result.documentsTable().rendered().split(separator: "\r\n").map(String.init)
        #expect(lines[0] == "document,case,source,format,encoding,characters,tokens,segments,speakers,organization,year")
        #expect(lines[1].hasPrefix("i.txt,P1,i.txt,txt,UTF-8,33,"))
        #expect(lines[1].hasSuffix(",2,访谈者 (interviewer); 受访者 (respondent),,2024"))
        #expect(lines[2].hasSuffix(",Org,2021"))
        #expect(result.matchesTable().rendered().contains("i.txt,P1,受访者,respondent,2,t,depression,抑郁,抑郁,14,16,"))
    }

    /// Encoded transcripts read from disk keep their turns and roles. Counts by reading the expected texts: the Big5
    /// transcript's interviewer says 欺凌 and 霸凌 once each, its respondent 欺凌 three times and 霸凌 once; in the
    /// UTF-16LE one the interviewer asks about 个案 once and the respondent says 个案 and 个案管理.
    @Test(arguments: [
        ("big5-transcript.txt", "Big5", "bullying", 6, 4),
        ("utf16le-bom.txt", "UTF-16LE", "case-management", 3, 2),
    ])
    func encodedTranscriptsDropInterviewerTurns(
        file: String, encoding: String, code: String, all: Int, respondent: Int
    ) throws {
        let matcher = try TestSupport.matcher(codes: [
            ("bullying", ["欺凌", "霸凌"], []), ("case-management", ["个案管理", "个案"], []),
        ])
        let path = TestSupport.fixtures.appendingPathComponent("encodings/\(file)").path
        let document = try #require(try DocumentLoader().load(DocumentSource(path: path, id: file)).documents.first)
        #expect(document.encoding == encoding)
        #expect(document.segments.map(\.role) == [.interviewer, .respondent, .interviewer, .respondent])
        let index = matcher.codes.firstIndex { $0.code.id == code }!
        for (selection, expected) in [(SpeakerSelection.all, all), (.respondent, respondent)] {
            let analysis = try DocumentAnalyzer(matcher: matcher, speakers: selection).analyze(document, index: 0)
            #expect(analysis.tally.codeOccurrences[index] == expected, "\(file) \(selection)")
        }
    }
}
