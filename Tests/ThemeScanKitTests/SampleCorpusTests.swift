import Foundation
import Testing

@testable import ThemeScanKit

/// The README's main job on the sample corpus, with `--speakers all` and `--speakers respondent`: every input
/// shape (DOCX, automatic transcript, WebVTT, GBK CSV, XLSX, GB2312 HTML) read through the real binary.
///
/// How the expected counts were verified by hand is stated at each one.
@Suite struct SampleCorpusTests {
    /// Counts of one run, from its `matches.csv` and `documents.csv`.
    struct RunCounts {
        /// Occurrences by document and code.
        var codes: [String: [String: Int]] = [:]
        /// Occurrences by document, code and role.
        var roles: [String: [String: [String: Int]]] = [:]
        var documents: [String: [String: String]] = [:]
    }

    static let root = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func analyze(speakers: String) throws -> RunCounts {
        let output = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try EndToEndTests.run(
            [
                "analyze", "--manifest", "transcripts/manifest.csv", "--lexicon", "lexicons/children-mental-health.yaml",
                "--speakers", speakers, "--out", output.appendingPathComponent("out").path,
            ], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        var counts = RunCounts()
        let matches = try CSVParser().records(in: EndToEndTests.read(output.appendingPathComponent("out/matches.csv")))
        let header = matches[0].fields
        for record in matches.dropFirst() {
            let row = Dictionary(uniqueKeysWithValues: zip(header, record.fields))
            counts.codes[row["document"]!, default: [:]][row["code"]!, default: 0] += 1
            counts.roles[row["document"]!, default: [:]][row["code"]!, default: [:]][row["role"]!, default: 0] += 1
        }
        let documents = try CSVParser().records(in: EndToEndTests.read(output.appendingPathComponent("out/documents.csv")))
        for record in documents.dropFirst() {
            counts.documents[record.fields[0]] = Dictionary(uniqueKeysWithValues: zip(documents[0].fields, record.fields))
        }
        return counts
    }

    @Test func everyInputShapeIsReadAndInterviewerTurnsDropOutWithSpeakersRespondent() throws {
        let all = try Self.analyze(speakers: "all")
        let respondent = try Self.analyze(speakers: "respondent")

        // DOCX. Read in the generator's expected text (`check_office_files.py --text`): the interviewer asks
        // "抑郁的多吗？" once; the respondent says 抑郁倾向 (a tracked insertion) and "抑郁的也有"; the tracked
        // deletion "抑郁症的有十几个" is not there.
        let docx = "2021/p01-sunflower-school-counselling.docx"
        #expect(all.roles[docx]?["depression"] == ["interviewer": 1, "respondent": 2])
        #expect(respondent.codes[docx]?["depression"] == 2)
        #expect(all.documents[docx]?["format"] == "docx")

        // Automatic transcript whose interviewer is 说话人1 by the manifest. By reading the file: 特殊儿童 in the
        // unattributed header, 孤独症 ×3, 发育迟缓, 自闭症, 融合教育, 随班就读 and 特殊教育 ×2 in the turns, of which
        // 说话人1 says one 孤独症 and 融合教育.
        let automatic = "2021/p07-qiming-autism-rehabilitation.txt"
        #expect(all.roles[automatic]?["disability"] == ["unknown": 1, "interviewer": 2, "respondent": 7])
        #expect(respondent.codes[automatic]?["disability"] == 8)
        #expect(all.documents[automatic]?["speakers"] == "说话人1 (interviewer); 说话人2 (respondent)")

        // WebVTT with voice tags. By reading the cues: the interviewer says "depression", "bullying" and
        // "cyberbullying"; Grace Lin says "depressed", "bullying", "name-calling" and "bullied", and "the Great
        // Depression era" (excluded); "crisis protocol" is crisis work, "budget crisis" is excluded.
        let vtt = "2024/p22-harbor-lights-sel.vtt"
        #expect(all.roles[vtt]?["depression"] == ["interviewer": 1, "respondent": 1])
        #expect(all.roles[vtt]?["bullying"] == ["interviewer": 1, "respondent": 3])
        #expect(all.codes[vtt]?["crisis-intervention"] == 1)
        #expect(respondent.codes[vtt]?["cyberbullying"] == nil)
        #expect(respondent.codes[vtt]?["bullying"] == 3)

        // GB2312 page: only the article counts. Ten mental-health-education terms in the article (counted
        // leftmost-longest over the article's markup), one more in <title>, which is not visible text.
        let page = "2021/policy/dongchuan-edu-2021-mental-health-notice.html"
        #expect(all.documents[page]?["encoding"] == "GB18030")
        #expect(all.codes[page]?["mental-health-education"] == 10)
        #expect(respondent.codes[page]?["mental-health-education"] == 10)

        // Questionnaires: every answer is a respondent's, so both runs count the same; rows are documents, and
        // the case comes from the program-name column the manifest names.
        let csvRow = "2021/questionnaire-2021-wjx-export-gbk.csv#row-2"
        #expect(all.documents[csvRow]?["encoding"] == "GB18030")
        #expect(all.documents[csvRow]?["case"] == "向日葵校园心理辅导项目")
        #expect(all.documents[csvRow]?["year"] == "2021")
        let rows = all.documents.keys.filter { $0.contains("questionnaire-") }
        #expect(rows.count == 40)
        for row in rows {
            #expect(all.codes[row] == respondent.codes[row], "\(row)")
            #expect(all.roles[row]?.values.allSatisfy { Set($0.keys) == ["respondent"] } ?? true, "\(row)")
        }
        #expect(all.documents.keys.contains("2024/questionnaire-2024-wjx-export.xlsx#row-2"))

        // Interviewer questions name codebook topics on purpose, so dropping them lowers the totals.
        let total = { (counts: RunCounts) in counts.codes.values.flatMap(\.values).reduce(0, +) }
        #expect(total(respondent) < total(all))
    }
}
