import Foundation
import Testing

@testable import ThemeScanKit

/// Splitting transcripts into speaker turns, and telling interviewer turns from respondent turns.
@Suite struct TranscriptTests {
    /// A segment's observable parts, compared as a whole.
    struct Turn: Equatable, CustomStringConvertible {
        var speaker: String?
        var role: SpeakerRole
        var timestamp: String?
        var text: String

        init(_ speaker: String?, _ role: SpeakerRole, _ text: String, at timestamp: String? = nil) {
            self.speaker = speaker
            self.role = role
            self.timestamp = timestamp
            self.text = text
        }

        init(_ segment: Segment) {
            self.init(segment.speaker, segment.role, segment.text, at: segment.timestamp)
        }

        var description: String { "\(speaker ?? "-")/\(role)@\(timestamp ?? "-"): \(text.debugDescription)" }
    }

    static func segments(
        _ text: String, format: DocumentFormat = .text, interviewers: [String] = IngestionOptions.defaultInterviewerLabels
    ) -> [Segment] {
        let parser = TranscriptParser(classifier: SpeakerRoleClassifier(interviewerLabels: interviewers))
        let segments = parser.segments(in: text, format: format)
        expectContiguous(segments, in: text)
        // Lines are scanned a block at a time; blocks of a line or a few give the same segments as one block.
        for blockLength in [1, 5] {
            var blocked = parser
            blocked.blockLength = blockLength
            #expect(blocked.segments(in: text, format: format) == segments, "blocks of \(blockLength) scalars")
        }
        return segments
    }

    static func turns(
        _ text: String, format: DocumentFormat = .text, interviewers: [String] = IngestionOptions.defaultInterviewerLabels
    ) -> [Turn] {
        segments(text, format: format, interviewers: interviewers).map(Turn.init)
    }

    /// Every segment is the stretch of the document text its `start` and length say, trimmed, in order.
    static func expectContiguous(_ segments: [Segment], in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for segment in segments {
            let count = segment.text.unicodeScalars.count
            guard segment.start >= previousEnd, segment.start + count <= scalars.count else {
                Issue.record("segment \(segment) is out of order or out of range", sourceLocation: sourceLocation)
                return
            }
            #expect(
                Array(scalars[segment.start..<(segment.start + count)]) == Array(segment.text.unicodeScalars),
                "segment text must be the document text at its start", sourceLocation: sourceLocation)
            #expect(segment.text == segment.text.trimmingWhitespace() && !segment.text.isEmpty, sourceLocation: sourceLocation)
            previousEnd = segment.start + count
        }
    }

    /// The sample corpus and the fixtures parse alike whatever the block length: offsets, labels and turns that
    /// continue over a block's end included.
    @Test func blocksOfAnyLengthGiveTheSameSegments() throws {
        let root = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("transcripts").path)
            .filter { $0.hasSuffix(".txt") && !$0.hasPrefix("tools") }
            .map { root.appendingPathComponent("transcripts").appendingPathComponent($0) }
        files += ["p01-zh.txt", "p02-hk.txt", "p03-en.md"].map {
            TestSupport.fixtures.appendingPathComponent("sample").appendingPathComponent($0)
        }
        #expect(files.count >= 10)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8).replacingLineEnds()
            let whole = TranscriptParser().segments(in: text)
            #expect(!whole.isEmpty)
            for blockLength in [1, 3, 64, 1000] {
                var parser = TranscriptParser()
                parser.blockLength = blockLength
                #expect(parser.segments(in: text) == whole, "\(file.lastPathComponent), blocks of \(blockLength)")
            }
        }
    }

    /// Labels take CJK Unified Ideographs as letters without asking the property table or the excluded set: both
    /// must agree.
    @Test func unifiedIdeographsAreLettersNoLabelExcludes() {
        let range = UInt32(0x4E00)...UInt32(0x9FFF)
        let notLetters = range.compactMap(Unicode.Scalar.init).filter { !$0.properties.isAlphabetic }
        #expect(notLetters.isEmpty)
        #expect(TranscriptLineScanner.excludedFromLabels.allSatisfy { !range.contains($0.value) })
    }

    @Test func colonLabelsFullWidthAndASCII() {
        let text = "访谈者：您好。\n受访者: 我们做个案管理。\nInterviewer: And parents?\nRespondent：Workshops.\n"
        #expect(Self.turns(text) == [
            Turn("访谈者", .interviewer, "您好。"), Turn("受访者", .respondent, "我们做个案管理。"),
            Turn("Interviewer", .interviewer, "And parents?"), Turn("Respondent", .respondent, "Workshops."),
        ])
        let segments = Self.segments(text)
        #expect(segments.map(\.start) == [4, 13, 35, 59])
    }

    @Test func bracketLabels() {
        let text = "[Interviewer] How did it start?\n【受访者】2021年开始的。\n【访谈者】：然后呢？\n[laughs] That was a long time ago.\n"
        #expect(Self.turns(text) == [
            Turn("Interviewer", .interviewer, "How did it start?"), Turn("受访者", .respondent, "2021年开始的。"),
            // A bracketed note is no speaker: the line continues the turn before it.
            Turn("访谈者", .interviewer, "然后呢？\n[laughs] That was a long time ago."),
        ])
    }

    @Test func markdownBoldLabelsAndNotesAfterTheName() {
        let text = "# 访谈记录\n\n**访谈者**：您好。\n**受访者：** 好的。\n受访者（笑）：其实是同一件事。\n"
        #expect(Self.turns("- **访谈者**：您好。\n* 受访者: 好。", format: .markdown) == [
            Turn("访谈者", .interviewer, "您好。"), Turn("受访者", .respondent, "好。"),
        ])
        #expect(Self.turns(text, format: .markdown) == [
            Turn(nil, .unknown, "# 访谈记录"), Turn("访谈者", .interviewer, "您好。"), Turn("受访者", .respondent, "好的。"),
            Turn("受访者", .respondent, "其实是同一件事。"),
        ])
    }

    @Test func automaticTranscriptionSpeakerLines() {
        let text = """
            说话人1 00:01:23
            您好，我们开始吧。
            今天聊聊项目。

            说话人2 00:01:30
            好的：我先说背景。
            Speaker 2  12:05
            Fine.
            访谈者 00:00:05
            问题一。
            说话人1(00:01:23):
            再问一个。
            说话人2（00:02:00）：直接在同一行回答。

            """
        #expect(Self.turns(text, interviewers: ["说话人1", "访谈者"]) == [
            Turn("说话人1", .interviewer, "您好，我们开始吧。\n今天聊聊项目。", at: "00:01:23"),
            // In such exports a colon inside a turn is just a colon.
            Turn("说话人2", .respondent, "好的：我先说背景。", at: "00:01:30"),
            Turn("Speaker 2", .respondent, "Fine.", at: "12:05"),
            Turn("访谈者", .interviewer, "问题一。", at: "00:00:05"),
            Turn("说话人1", .interviewer, "再问一个。\n说话人2（00:02:00）：直接在同一行回答。", at: "00:01:23"),
        ])
        // With colon labels the timed form puts the turn on its own line.
        #expect(Self.turns("说话人1(00:01:23): 我们开始。\n说话人2(00:01:30): 好。", interviewers: []) == [
            Turn("说话人1", .respondent, "我们开始。", at: "00:01:23"), Turn("说话人2", .respondent, "好。", at: "00:01:30"),
        ])
        #expect(Self.turns("[00:01:23] 访谈者：您好。\n00:01:30 受访者：好。") == [
            Turn("访谈者", .interviewer, "您好。", at: "00:01:23"), Turn("受访者", .respondent, "好。", at: "00:01:30"),
        ])
    }

    @Test func webVTTWithVoiceTagsNotesAndCueIds() throws {
        let path = TestSupport.fixtures.appendingPathComponent("transcripts/interview.vtt").path
        let document = try #require(try DocumentLoader().load(DocumentSource(path: path, id: "interview.vtt")).documents.first)
        #expect(document.format == .webVTT)
        Self.expectContiguous(document.segments, in: document.text)
        #expect(document.segments.map(Turn.init) == [
            Turn("访谈者", .interviewer, "您好，先介绍一下项目吧。", at: "00:00:02.656"),
            // Tags split a turn into segments with the same speaker; a new cue does too.
            Turn("受访者", .respondent, "我们主要做校园心理辅导，\n也做", at: "00:00:05.500"),
            Turn("受访者", .respondent, "个案管理", at: "00:00:05.500"),
            Turn("受访者", .respondent, "。", at: "00:00:05.500"),
            Turn("受访者", .respondent, "还有家长工作坊。", at: "00:00:09.100"),
            Turn("访谈者", .interviewer, "好的，谢谢。", at: "00:00:11.200"),
        ])
        #expect(!document.segments.contains { $0.text.contains("NOTE") || $0.text.contains("synthetic") || $0.text.contains("cue") })
    }

    @Test func subRipWithCountersTagsAndCRLF() throws {
        let path = TestSupport.fixtures.appendingPathComponent("transcripts/interview.srt").path
        let document = try #require(try DocumentLoader().load(DocumentSource(path: path, id: "interview.srt")).documents.first)
        #expect(document.format == .subRip)
        #expect(!document.text.contains("\r"))
        Self.expectContiguous(document.segments, in: document.text)
        #expect(document.segments.map(Turn.init) == [
            Turn("Interviewer", .interviewer, "How did the program start?", at: "00:00:01,000"),
            Turn("Respondent", .respondent, "In 2021, after", at: "00:00:03,600"),
            Turn("Respondent", .respondent, "two", at: "00:00:03,600"),
            Turn("Respondent", .respondent, "schools asked us.", at: "00:00:03,600"),
            Turn("Respondent", .respondent, "Bullying was the main worry.", at: "00:00:07,100"),
        ])
    }

    @Test func linesWithoutALabelContinueTheTurn() {
        let text = "访谈者：第一个问题，\n  接着问。\n受访者：回答第一段。\n\n回答第二段。\n"
        #expect(Self.turns(text) == [
            Turn("访谈者", .interviewer, "第一个问题，\n  接着问。"), Turn("受访者", .respondent, "回答第一段。\n\n回答第二段。"),
        ])
    }

    @Test func textBeforeTheFirstLabelIsUnknown() {
        let text = "【合成示例：仅供测试】\n项目：向日葵（p01）\n人员：项目主管\n\n访谈者：您好。\n受访者：好的。\n访谈者：谢谢。\n受访者：不客气。\n"
        // Header fields (labels used once, above the first label used again) stay in the unlabelled text.
        #expect(Self.turns(text) == [
            Turn(nil, .unknown, "【合成示例：仅供测试】\n项目：向日葵（p01）\n人员：项目主管"), Turn("访谈者", .interviewer, "您好。"),
            Turn("受访者", .respondent, "好的。"), Turn("访谈者", .interviewer, "谢谢。"), Turn("受访者", .respondent, "不客气。"),
        ])
        // Without a conversation to tell them from, labels used once are speakers.
        #expect(Self.turns("项目：向日葵\n访谈者：您好。").map(\.speaker) == ["项目", "访谈者"])
        #expect(Self.turns("Notes from the visit\n\nInterviewer: Hello.") == [
            Turn(nil, .unknown, "Notes from the visit"), Turn("Interviewer", .interviewer, "Hello."),
        ])
    }

    @Test func noStructureIsOneUnknownSegment() {
        let text = "\n  这是一段没有说话人的文字。\nhttp://example.org 不是标签。\n\n"
        let segments = Self.segments(text)
        #expect(segments.map(Turn.init) == [
            Turn(nil, .unknown, "这是一段没有说话人的文字。\nhttp://example.org 不是标签。")
        ])
        #expect(segments.first?.start == 3)
        // Sentences are not labels: too long, or with sentence punctuation before the colon.
        #expect(Self.turns("我想说的是，这件事：很重要。\nThe one thing teachers always ask about is this: what now?").count == 1)
        #expect(Self.segments("   \n\n").isEmpty)
        // Numbered questions are not speakers either.
        #expect(Self.turns("1. 您觉得学校：怎么样？\n2. 家长：参与多吗？").map(\.speaker) == [nil])
    }

    @Test func aTimeIsNotALabel() {
        #expect(Self.turns("10:30 我们开始\n上午10:30 继续\n14:05:10 结束") == [
            Turn(nil, .unknown, "10:30 我们开始\n上午10:30 继续\n14:05:10 结束")
        ])
        #expect(Self.turns("访谈者：几点？\n受访者：\n10:30 我们开始") == [
            Turn("访谈者", .interviewer, "几点？"), Turn("受访者", .respondent, "10:30 我们开始"),
        ])
    }

    @Test func traditionalAndCaseVariantsOfInterviewerLabelsAreInterviewers() {
        #expect(Self.turns("訪談者：你好。\n受訪者：好。\nINTERVIEWER: Hi.\nｑ：问题") == [
            Turn("訪談者", .interviewer, "你好。"), Turn("受訪者", .respondent, "好。"),
            Turn("INTERVIEWER", .interviewer, "Hi."), Turn("ｑ", .interviewer, "问题"),
        ])
        let classifier = SpeakerRoleClassifier(interviewerLabels: ["訪問員", "Moderator"])
        #expect(classifier.role(of: "访问员") == .interviewer)
        #expect(classifier.role(of: "moderator") == .interviewer)
        #expect(classifier.role(of: "受访者") == .respondent)
        #expect(classifier.role(of: nil) == .unknown)
    }

    @Test func aPerFileListMakesASpeakerTheInterviewer() throws {
        let text = "说话人1：今天聊什么？\n说话人2：聊项目。\n"
        let reader = PlainTextReader(options: IngestionOptions())
        let plain = try reader.read(Array(text.utf8), from: DocumentSource(path: "a.txt", id: "a.txt"))
        #expect(plain.documents[0].segments.map(\.role) == [.respondent, .respondent])
        let listed = try reader.read(
            Array(text.utf8), from: DocumentSource(path: "a.txt", id: "a.txt", interviewerLabels: ["说话人1"]))
        #expect(listed.documents[0].segments.map(\.role) == [.interviewer, .respondent])
        // The run's list applies when the manifest gives none for the file.
        let run = PlainTextReader(options: IngestionOptions(interviewerLabels: ["说话人2"]))
        let byRun = try run.read(Array(text.utf8), from: DocumentSource(path: "a.txt", id: "a.txt"))
        #expect(byRun.documents[0].segments.map(\.role) == [.respondent, .interviewer])
    }

    @Test func everySegmentOfTheSampleTranscriptsIsTheDocumentTextAtItsStart() throws {
        let root = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (manifest, _) = try Manifest.load(path: root.appendingPathComponent("transcripts/manifest.csv").path)
        // Every plain-text and caption interview of the sample corpus, with its interviewer labels from the manifest.
        let interviews = manifest.entries.values
            .filter { ($0.path.hasSuffix(".txt") || $0.path.hasSuffix(".vtt")) && $0.metadata["doc_type"] == "interview" }
            .sorted { $0.path < $1.path }
        #expect(interviews.count >= 20)
        for entry in interviews {
            let source = DocumentSource(path: entry.path, id: entry.id, interviewerLabels: entry.interviewerLabels)
            let document = try #require(try DocumentLoader().load(source).documents.first)
            let scalars = Array(document.text.unicodeScalars)
            for segment in document.segments {
                let count = segment.text.unicodeScalars.count
                #expect(Array(scalars[segment.start..<(segment.start + count)]) == Array(segment.text.unicodeScalars))
            }
            // Each text sample opens with an unlabelled header (captions have none), then alternates interviewer and
            // respondent turns.
            let turns = entry.path.hasSuffix(".txt") ? document.segments.dropFirst() : document.segments[...]
            if entry.path.hasSuffix(".txt") { #expect(document.segments.first?.role == .unknown, "\(entry.id)") }
            #expect(turns.allSatisfy { $0.role != .unknown }, "\(entry.id)")
            #expect(Set(turns.map(\.role)) == [.interviewer, .respondent], "\(entry.id)")
        }
    }

    /// Generated texts full of labels, times, cue lines and tags: every segment still is the text at its start.
    @Test(arguments: [DocumentFormat.text, .markdown, .webVTT, .subRip])
    func segmentsStayContiguousOnGeneratedTexts(format: DocumentFormat) {
        let pieces = [
            "访谈者：", "受访者: ", "[Name] ", "【说话人】", "说话人1 00:01:23\n", "Speaker 2(00:00:05):", "10:30 ", "WEBVTT\n",
            "NOTE x\n", "00:00:02.656 --> 00:00:03.230 align:start\n", "1\n", "<v A>", "</v>", "<i>", "{\\an8}", "**", "- ",
            "抑郁", "bully", " ", "\n", "\n\n", "\r", "😀", "e\u{301}", "：", ":", "(", "）", "<", ">",
        ]
        var generator = MatcherPropertyTests.Generator(state: 0x5EED_0000 + UInt64(DocumentFormat.allCases.firstIndex(of: format)!))
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<generator.next(40) { text += pieces[generator.next(pieces.count)] }
            let segments = Self.segments(text, format: format)
            #expect(segments.allSatisfy { ($0.speaker == nil) == ($0.role == .unknown) })
        }
    }
}
