import Foundation
import Testing

@testable import ThemeScanKit

/// `themescan discover`: n-gram counting, the statistics, ranking, codebook coverage, references and the CLI.
@Suite struct DiscoverTests {
    static let lexicons = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lexicons")

    /// The shipped stopword lists, in matching form.
    static func shippedStopwords() throws -> StopwordList {
        let normalizer = try TextNormalizer(options: NormalizationOptions())
        func list(_ name: String) throws -> StopwordList {
            try StopwordList.load(path: lexicons.appendingPathComponent(name).path, normalizer: normalizer)
        }
        return try list("stopwords-zh.txt").merging(try list("stopwords-en.txt"))
    }

    /// A one-segment document.
    static func document(_ text: String, id: String, caseID: String? = nil) -> Document {
        Document(
            id: id, caseID: caseID ?? id, source: id, format: .text, encoding: "UTF-8", text: text,
            segments: [Segment(text: text, start: 0)])
    }

    /// A deterministic stream of choices, so generated corpora are the same on every run.
    struct Choices {
        var state: UInt64
        mutating func next(_ count: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(count))
        }
    }

    /// Chinese interviews where 个案管理, 心理健康教育 and 亲子关系 recur in varied sentences among random filler;
    /// 心理健康 never occurs outside 心理健康教育.
    static func chineseCorpus() -> [Document] {
        var choices = Choices(state: 7)
        let subjects = ["老师", "同学", "家长", "校长", "社工", "志愿者", "医生", "班主任"]
        let verbs = ["喜欢", "讨论", "准备", "安排", "检查", "记录", "打扫", "参观"]
        let objects = ["午饭", "作业", "课程表", "运动会", "图书馆", "教室卫生", "春游", "黑板报"]
        let termSentences = [
            "我们做个案管理已经三年了。", "社工负责个案管理和转介。", "个案管理需要很多时间。",
            "学校开展心理健康教育活动。", "每个班都有心理健康教育。", "心理健康教育要从小学开始。",
            "亲子关系对孩子很重要。", "很多家庭的亲子关系比较紧张。", "改善亲子关系是我们的目标。",
        ]
        return (1...6).map { number in
            var sentences = termSentences
            for _ in 0..<24 {
                let subject = subjects[choices.next(subjects.count)]
                let verb = verbs[choices.next(verbs.count)]
                let object = objects[choices.next(objects.count)]
                sentences.append("\(subject)\(verb)\(object)。")
            }
            for index in sentences.indices.reversed() { sentences.swapAt(index, choices.next(index + 1)) }
            return document(sentences.joined(), id: "zh-\(number).txt")
        }
    }

    /// English interviews where "case management" and "peer support" recur, often after a stopword.
    static func englishCorpus() -> [Document] {
        var choices = Choices(state: 11)
        let subjects = ["teachers", "parents", "students", "volunteers", "nurses", "coaches"]
        let verbs = ["discussed", "prepared", "cleaned", "visited", "painted", "checked"]
        let objects = ["lunch", "homework", "classrooms", "gardens", "timetables", "notebooks"]
        let termSentences = [
            "The case management work takes time.", "We rely on case management for every child.",
            "Good case management needs trust.", "The peer support group meets weekly.",
            "Peer support helps shy children.", "They asked for more peer support in spring.",
        ]
        return (1...5).map { number in
            var sentences = termSentences
            for _ in 0..<20 {
                let subject = subjects[choices.next(subjects.count)]
                let verb = verbs[choices.next(verbs.count)]
                let object = objects[choices.next(objects.count)]
                sentences.append("The \(subject) \(verb) \(object).")
            }
            for index in sentences.indices.reversed() { sentences.swapAt(index, choices.next(index + 1)) }
            return document(sentences.joined(separator: " "), id: "en-\(number).txt")
        }
    }

    static func candidates(
        _ documents: [Document], matcher: Matcher? = nil, stopwords: StopwordList? = nil,
        reference: ReferenceCorpus? = nil
    ) throws -> [Candidate] {
        let discoverer = try TermDiscoverer(matcher: matcher, stopwords: try stopwords ?? shippedStopwords())
        return discoverer.candidates(from: try discoverer.tally(documents: documents), reference: reference)
    }

    // MARK: Chinese multi-word terms

    @Test func icuSplitsTheChineseTermsThisSuiteLooksFor() throws {
        let segmenter = try WordSegmenter()
        for term in ["个案管理", "心理健康教育", "亲子关系"] {
            let boundaries = try segmenter.boundaries(in: Array(term.utf16))
            #expect(boundaries.count > 2, "ICU keeps \(term) whole; the discovery tests would prove nothing")
        }
    }

    @Test func chineseTermsSplitByICURankInTheTopTen() throws {
        let han = try Self.candidates(Self.chineseCorpus()).filter { $0.script == .han }
        let top = han.prefix(10).map(\.text)
        for term in ["个案管理", "心理健康教育", "亲子关系"] {
            #expect(top.contains(term), "\(term) is not in the top 10: \(top)")
        }
        let longer = try #require(han.firstIndex { $0.text == "心理健康教育" })
        if let fragment = han.firstIndex(where: { $0.text == "心理健康" }) {
            #expect(longer < fragment, "心理健康 must rank below 心理健康教育, which it always occurs in")
        }
        for fragment in ["健康教育", "心理健康"] {
            let score = han.first { $0.text == fragment }?.score ?? 0
            #expect(score < han[longer].score)
        }
    }

    @Test func candidatesCarryCountsAndAnExampleSentence() throws {
        let han = try Self.candidates(Self.chineseCorpus())
        let term = try #require(han.first { $0.text == "亲子关系" })
        #expect(term.occurrences == 18)
        #expect(term.documents == 6)
        #expect(term.cases == 6)
        #expect(term.length == 3)
        #expect(term.example.contains("亲子关系"))
        #expect(term.example.hasSuffix("。"))
        #expect(term.example.unicodeScalars.count <= 80)
    }

    // MARK: English multi-word terms

    @Test func englishMultiwordTermsAreFoundAndStopwordBounded() throws {
        let stopwords = try Self.shippedStopwords()
        let english = try Self.candidates(Self.englishCorpus()).filter { $0.script == .alphabetic }
        let texts = english.map(\.text)
        #expect(texts.contains("case management"))
        #expect(texts.contains("peer support"))
        #expect(!texts.contains("the case management"))
        #expect(!texts.contains("the peer support"))
        for candidate in english where candidate.length > 1 {
            let words = candidate.text.split(separator: " ").map(String.init)
            #expect(!stopwords.contains(words.first!) && !stopwords.contains(words.last!), "\(candidate.text)")
        }
    }

    @Test func hanSequencesWithAStructuralParticleArePhrasesNotTerms() throws {
        let documents = (1...4).map { Self.document("孩子的情绪很重要。我们关注孩子的情绪。", id: "p\($0).txt") }
        let texts = try Self.candidates(documents).map(\.text)
        #expect(!texts.contains("孩子的情绪"))
        #expect(texts.contains("情绪"))
    }

    // MARK: Single words

    @Test func singleWordsAreRankedByTFIDFAcrossCases() throws {
        // Both words occur 6 times; "orchard" only in case A, "weather" spread over every case.
        var documents: [Document] = []
        for (index, caseID) in ["a", "a", "b", "b", "c", "c"].enumerated() {
            var text = "We talked about the weather today. "
            if caseID == "a" { text += "The orchard project grew. The orchard was big. The orchard helped. " }
            text += "Nothing else happened here."
            documents.append(Self.document(text, id: "d\(index).txt", caseID: caseID))
        }
        let singles = try Self.candidates(documents).filter { $0.length == 1 }
        let orchard = try #require(singles.firstIndex { $0.text == "orchard" })
        let weather = try #require(singles.firstIndex { $0.text == "weather" })
        #expect(orchard < weather)
        #expect(singles[orchard].cases == 1)
        #expect(singles[weather].cases == 3)
    }

    // MARK: The codebook

    @Test func codebookTermsAreExcludedAndNearMissesNameTheirCode() throws {
        let matcher = try TestSupport.matcher(codes: [
            ("case-management", ["个案管理", "case management"], []),
            ("mh-education", ["心理健康教育"], []),
        ])
        var documents = Self.chineseCorpus()
        for index in documents.indices {
            let extra = "心理健康教育课很受欢迎。我们每周上心理健康教育课。"
            documents[index] = Self.document(documents[index].text + extra, id: documents[index].id)
        }
        let candidates = try Self.candidates(documents + Self.englishCorpus(), matcher: matcher)
        let texts = candidates.map(\.text)
        #expect(!texts.contains("个案管理"))
        #expect(!texts.contains("心理健康教育"))
        #expect(!texts.contains("case management"))
        let nearMiss = try #require(candidates.first { $0.text == "心理健康教育课" })
        #expect(nearMiss.coveredBy == ["mh-education"])
        #expect(candidates.first { $0.text == "亲子关系" }?.coveredBy == [])
    }

    // MARK: Boundaries

    @Test func ngramsNeverCrossPunctuationLineBreaksOrSegments() throws {
        let text = "个案，管理\ncase\nmanagement. case, management 个案"
        let split = Document(
            id: "s", caseID: "s", source: "s", format: .text, encoding: "UTF-8", text: text + "管理",
            segments: [Segment(text: text, start: 0), Segment(text: "管理", start: text.unicodeScalars.count)])
        let tally = try TermDiscoverer(matcher: nil).tally(documents: [split])
        #expect(tally.entries["个案"]?.occurrences == 2)
        #expect(tally.entries["管理"]?.occurrences == 2)
        #expect(tally.entries["个案管理"] == nil)
        #expect(tally.entries["case management"] == nil)
        #expect(tally.entries["case"]?.occurrences == 2)
    }

    @Test func numbersAreDroppedAndHyphensJoinWords() throws {
        let tally = try TermDiscoverer(matcher: nil).tally(documents: [
            Self.document("2024年 parent-child talks grew 3 times", id: "n")
        ])
        #expect(tally.entries["parent-child"]?.occurrences == 1)
        #expect(tally.entries["parent-child talks"]?.occurrences == 1)
        #expect(tally.entries.keys.allSatisfy { !$0.contains(where: \.isNumber) })
        #expect(tally.entries["grew times"] == nil)
    }

    @Test func respondentsOnlyLeavesInterviewerTurnsUncounted() throws {
        let question = "家庭探访做得怎么样？"
        let answer = "朋辈辅导更好。"
        let document = Document(
            id: "i", caseID: "i", source: "i", format: .text, encoding: "UTF-8", text: question + answer,
            segments: [
                Segment(speaker: "访谈者", role: .interviewer, text: question, start: 0),
                Segment(speaker: "受访者", role: .respondent, text: answer, start: question.unicodeScalars.count),
            ])
        let all = try TermDiscoverer(matcher: nil).tally(documents: [document])
        let respondents = try TermDiscoverer(matcher: nil, speakers: .respondent).tally(documents: [document])
        #expect(all.entries["家庭探访"]?.occurrences == 1)
        #expect(respondents.entries["家庭探访"] == nil)
        #expect(respondents.entries["朋辈辅导"]?.occurrences == 1)
        #expect(respondents.tokens < all.tokens)
    }

    @Test func traditionalTextCountsWithSimplified() throws {
        let tally = try TermDiscoverer(matcher: nil).tally(documents: [
            Self.document("親子關係。", id: "t"), Self.document("亲子关系。", id: "s"),
        ])
        #expect(tally.entries["亲子关系"]?.occurrences == 2)
        // The example is the original text of the earliest document.
        #expect(tally.entries["亲子关系"]?.example?.sentence == "親子關係。")
    }

    // MARK: Reference corpora

    @Test func keynessRanksWhatTheTargetSaysMoreThanTheReference() throws {
        let reference = Self.chineseCorpus().map { document in
            // The reference speaks of 个案管理 and 亲子关系 as much, and has the words 心理, 健康 and 教育 as often, but
            // never the term 心理健康教育.
            Self.document(document.text.replacingOccurrences(of: "心理健康教育", with: "健康、心理、教育"), id: "r-" + document.id)
        }
        let discoverer = try TermDiscoverer(matcher: nil, stopwords: try Self.shippedStopwords())
        let referenceTally = try discoverer.tally(documents: reference)
        // Through ngrams.csv, as `--reference` reads it.
        let written = DiscoveryResult(tally: referenceTally, candidates: []).ngramsTable().rendered()
        let corpus = try ReferenceCorpus(ngramsCSV: written, path: "ngrams.csv")
        #expect(corpus == ReferenceCorpus(referenceTally))
        let target = try discoverer.tally(documents: Self.chineseCorpus())
        let ranked = discoverer.candidates(from: target, reference: corpus)
        #expect(ranked.first?.text == "心理健康教育")
        #expect(ranked.first?.referenceOccurrences == 0)
        #expect((ranked.first?.logRatio ?? 0) > 3)
        let shared = try #require(ranked.first { $0.text == "个案管理" })
        #expect(abs(shared.score) < 1, "a term as frequent in both corpora is not key")
    }

    @Test func aFolderWithoutTheNgramTableIsRefused() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: DiscoveryError.missingReferenceTable(directory: folder.path)) {
            try ReferenceCorpus.load(directory: folder.path)
        }
        try Data("a,b\r\n".utf8).write(to: folder.appendingPathComponent("ngrams.csv"))
        #expect(throws: DiscoveryError.self) { try ReferenceCorpus.load(directory: folder.path) }
    }

    // MARK: Bad input

    @Test func anEmptyCorpusGivesAnEmptyTableAndAWarning() async throws {
        let result = try await TermDiscoverer(matcher: nil).discover([])
        #expect(result.candidates.isEmpty)
        #expect(result.diagnostics.contains { $0.severity == .warning })
        #expect(result.candidatesTable().rendered() == DiscoveryResult.candidatesHeader.joined(separator: ",") + "\r\n")
    }

    // MARK: Statistics

    @Test func statisticsMatchHandComputedValues() {
        // Perfect attraction in 40 positions: every cell observed 20 or 0 against 10 expected, G² = 4 · 20 · ln 2.
        let g2 = LogLikelihood.association(joint: 20, left: 20, right: 20, positions: 40)
        #expect(abs(g2 - 80 * log(2.0)) < 1e-9)
        #expect(LogLikelihood.g2(10, 10, 10, 10) == 0)
        #expect(LogLikelihood.association(joint: 1, left: 500, right: 500, positions: 1_000) == 0)
        #expect(CValue.score(length: 2, frequency: 10, nestingCount: 1, nestingFrequency: 10) == 0)
        #expect(CValue.score(length: 4, frequency: 10, nestingCount: 0, nestingFrequency: 0) == 20)
        #expect(abs(TFIDF.inverseDocumentFrequency(units: 3, containing: 3) - 1) < 1e-12)
        #expect(LogRatio.value(targetCount: 20, targetTotal: 1_000, referenceCount: 10, referenceTotal: 2_000) == 2)
        let over = LogLikelihood.keyness(targetCount: 50, targetTotal: 1_000, referenceCount: 5, referenceTotal: 1_000)
        let under = LogLikelihood.keyness(targetCount: 5, targetTotal: 1_000, referenceCount: 50, referenceTotal: 1_000)
        #expect(over > 10.83 && under == -over)
    }

    @Test func excerptsStayWithinEightyCharactersAroundTheCandidate() {
        let sentence = String(repeating: "前", count: 100) + "亲子关系" + String(repeating: "后", count: 100)
        let start = 100
        let example = CandidateExample(document: 0, sentence: sentence, range: start..<(start + 4))
        let excerpt = example.excerpt()
        #expect(excerpt.unicodeScalars.count == 80)
        #expect(excerpt.contains("亲子关系"))
        #expect(excerpt.hasPrefix("…") && excerpt.hasSuffix("…"))
    }

    @Test func stopwordsAreComparedInMatchingForm() throws {
        let normalizer = try TextNormalizer(options: NormalizationOptions())
        let list = try StopwordList(text: "# comment\n這個  # Traditional\nYou  Know\n\n", normalizer: normalizer)
        #expect(list.entries == ["这个", "you know"])
        let shipped = try Self.shippedStopwords()
        #expect(shipped.contains("的") && shipped.contains("the"))
        #expect(!shipped.contains("心理"))
    }

    // MARK: Determinism and files

    static func fixtureSources() throws -> [DocumentSource] {
        let folder = TestSupport.fixtures.appendingPathComponent("discover")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            DocumentSource(path: folder.appendingPathComponent($0).path, id: $0)
        }
    }

    static func fixtureResult(jobs: Int) async throws -> DiscoveryResult {
        let (book, _) = try CodebookLoader(classifier: TestSupport.classifier)
            .load(path: TestSupport.fixtures.appendingPathComponent("codebook.yaml").path)
        let matcher = try Matcher(
            codebook: book, normalization: NormalizationOptions(), classifier: TestSupport.classifier)
        let discoverer = try TermDiscoverer(matcher: matcher, stopwords: try shippedStopwords(), jobs: jobs)
        return try await discoverer.discover(try fixtureSources())
    }

    @Test func oneWorkerAndManyWorkersWriteTheSameBytes() async throws {
        let one = try await Self.fixtureResult(jobs: 1).outputFiles().map(\.contents)
        let many = try await Self.fixtureResult(jobs: 3).outputFiles().map(\.contents)
        #expect(one == many)
    }

    /// Re-record on purpose only: `THEMESCAN_RECORD_GOLDEN=1 swift test --filter DiscoverTests`, then review the diff.
    @Test func candidatesMatchTheGoldenFile() async throws {
        let produced = try await Self.fixtureResult(jobs: 2).candidatesTable().rendered()
        let golden = TestSupport.fixtures.appendingPathComponent("golden").appendingPathComponent("candidates.csv")
        if GoldenFileTests.recording { try Data(produced.utf8).write(to: golden) }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(produced == expected, "differs from Fixtures/golden/candidates.csv")
    }

    @Test func goldenCandidatesHoldWhatTheFixtureWasWrittenFor() async throws {
        let candidates = try await Self.fixtureResult(jobs: 1).candidates
        let texts = candidates.map(\.text)
        // Han words split by ICU, written in both Simplified and Traditional.
        #expect(texts.contains("朋辈辅导"))
        #expect(texts.contains("家庭探访"))
        #expect(texts.contains("peer support"))
        #expect(texts.contains("home visits"))
        #expect(!texts.contains("case management"))
        #expect(candidates.first { $0.text == "心理健康教育课" }?.coveredBy == ["mh-education"])
    }

    // MARK: The command line

    @Test func theBinaryDiscoversOnTheSampleCorpus() throws {
        let root = Self.lexicons.deletingLastPathComponent()
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let run = try EndToEndTests.run(
            [
                "discover", "transcripts/2024", "--lexicon", "lexicons/children-mental-health.yaml", "--out", out,
                "--jobs", "2",
            ],
            in: root)
        #expect(run.status == 0, "\(run.standardError)")
        let table = try String(contentsOfFile: out + "/candidates.csv", encoding: .utf8)
        let lines = table.split(separator: "\r\n")
        #expect(lines.first == "candidate,score,occurrences,documents,cases,example,covered_by")
        #expect(lines.count > 20)
        #expect(FileManager.default.fileExists(atPath: out + "/ngrams.csv"))

        // The run just written serves as a reference; a folder without ngrams.csv is refused.
        let keyed = folder.appendingPathComponent("keyed").path
        let again = try EndToEndTests.run(
            ["discover", "transcripts/2021", "--reference", out, "--out", keyed], in: root)
        #expect(again.status == 0, "\(again.standardError)")
        let keyedTable = try String(contentsOfFile: keyed + "/candidates.csv", encoding: .utf8)
        let keyedHeader = "candidate,score,occurrences,documents,cases,example,covered_by,reference_occurrences,log_ratio"
        #expect(keyedTable.hasPrefix(keyedHeader + "\r\n"))
        let refused = try EndToEndTests.run(
            ["discover", "transcripts/2021", "--reference", folder.path, "--out", keyed], in: root)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("holds no ngrams.csv"))
    }

    @Test func theBinaryWritesAnEmptyTableForAnEmptyCorpus() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("。。。\n".utf8).write(to: folder.appendingPathComponent("blank.txt"))
        let run = try EndToEndTests.run(["discover", "blank.txt", "--out", "out"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("warning"))
        let table = try String(contentsOf: folder.appendingPathComponent("out/candidates.csv"), encoding: .utf8)
        #expect(table == "candidate,score,occurrences,documents,cases,example,covered_by\r\n")
    }
}
