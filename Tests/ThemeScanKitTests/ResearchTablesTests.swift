import Foundation
import Testing

@testable import ThemeScanKit

/// The research tables: per-case codes and themes, the word-cloud table, open-vocabulary words, co-occurrence,
/// KWIC sentences and turns, and the JSON mirrors.
@Suite struct ResearchTablesTests {
    /// A two-theme codebook: issues (depression, bullying) and elements (case management).
    static let yaml = """
        version: 1
        name: test
        themes:
          - id: issues
            label: {zh: 问题, en: Issues}
            codes:
              - id: depression
                label: {zh: 抑郁, en: Depression}
                terms: [抑郁]
              - id: bullying
                label: {zh: 欺凌, en: Bullying}
                terms: [欺凌, bullying]
          - id: elements
            label: {zh: 要素, en: Elements}
            codes:
              - id: case-management
                label: {zh: 个案管理, en: Case management}
                terms: [个案管理, case management]
        """

    /// A document of one case with the given speaker turns.
    static func document(_ id: String, case caseID: String, turns: [String]) -> Document {
        var text = ""
        var segments: [Segment] = []
        for turn in turns {
            let start = text.unicodeScalars.count
            text += turn
            segments.append(Segment(speaker: "受访者", role: .respondent, text: turn, start: start))
            text += "\n"
        }
        return Document(
            id: id, caseID: caseID, source: id, format: .text, encoding: "UTF-8", text: text, segments: segments)
    }

    /// Analyzes documents in order, counting words with the given stopwords.
    static func result(_ documents: [Document], stopwords: Set<String> = []) throws -> AnalysisResult {
        let matcher = try TestSupport.matcher(yaml)
        let analyzer = try DocumentAnalyzer(
            matcher: matcher, wordList: WordListSettings(stopwords: StopwordList(entries: stopwords)))
        var tally = CorpusTally(codeCount: matcher.codes.count, termCount: matcher.terms.count)
        var summaries: [DocumentSummary] = []
        var matches: [Match] = []
        for (index, document) in documents.enumerated() {
            let analysis = try analyzer.analyze(document, index: index)
            tally.merge(CorpusTally(analysis.tally))
            summaries.append(analysis.summary)
            matches += analysis.matches
        }
        return AnalysisResult(
            codes: matcher.codes, terms: matcher.terms, documents: DocumentSummaries(summaries), matches: matches, tally: tally,
            diagnostics: [], skippedFiles: [])
    }

    /// Case A: depression three times, bullying once, both in one turn; case B: depression once, with case management.
    static func twoCases() throws -> AnalysisResult {
        try result([
            Self.document("a1.txt", case: "A", turns: ["抑郁，抑郁，还有欺凌。", "抑郁。"]),
            Self.document("b1.txt", case: "B", turns: ["抑郁的孩子做个案管理。"]),
        ])
    }

    static func rows(_ table: CSVTable) -> [String] {
        table.rendered().split(separator: "\r\n").map(String.init)
    }

    @Test func caseTablesHoldOccurrencesPerCaseAndTheme() throws {
        let tables = try Self.twoCases().tables()
        #expect(Self.rows(try tables.caseCodesTable()) == ["case,depression,bullying,case-management", "A,3,1,0", "B,1,0,1"])
        #expect(Self.rows(try tables.caseThemesTable()) == ["case,issues,elements", "A,4,0", "B,1,1"])
    }

    /// Case table cells come from a table of small counts made once, and from formatting past it.
    @Test func caseCountsReadTheSameOnBothSidesOfTheSmallCountTable() {
        for count in [0, 1, 9, 10, 99, 100, 254, 255, 256, 1_000, 123_456_789] {
            #expect(RunTables.countText(count) == String(count))
        }
    }

    @Test func theOccurrenceThresholdGovernsEveryCasesColumn() throws {
        let result = try Self.twoCases()
        let one = result.tables()
        let two = result.tables(options: TableOptions(minimumOccurrences: 2))
        // codes.csv: theme,code,label,occurrences,documents,cases,per_10k_tokens
        #expect(Self.rows(one.codesTable())[1].split(separator: ",")[5] == "2")
        #expect(Self.rows(two.codesTable())[1].split(separator: ",")[5] == "1")
        #expect(Self.rows(two.codesTable())[2].split(separator: ",")[5] == "0")
        // Cells of case_codes.csv stay occurrences whatever the threshold.
        #expect(try two.caseCodesTable() == one.caseCodesTable())
        #expect(Self.rows(two.wordcloudTable()).contains("抑郁,1,4,1,issues,depression"))
        #expect(Self.rows(one.wordcloudTable()).contains("抑郁,2,4,2,issues,depression"))
        #expect(Self.rows(two.wordsTable()).contains("抑郁,4,2,1,depression"))
        #expect(Self.rows(two.termsTable())[1] == "issues,depression,抑郁,4,2,1")
        // Depression and bullying share case A only under threshold 1; under 2 bullying codes no case.
        #expect(Self.rows(one.cooccurrenceTable()).contains("depression,bullying,抑郁,欺凌,1,1,0.500"))
        #expect(Self.rows(two.cooccurrenceTable()).contains("depression,bullying,抑郁,欺凌,0,1,0.000"))
    }

    @Test func wordCloudWeighsByCasesOrOccurrencesAndPicksTheLabelLanguage() throws {
        let result = try Self.twoCases()
        #expect(
            Self.rows(result.tables().wordcloudTable()) == [
                "label,weight,occurrences,cases,theme,code", "抑郁,2,4,2,issues,depression",
                "个案管理,1,1,1,elements,case-management", "欺凌,1,1,1,issues,bullying",
            ])
        let english = result.tables(options: TableOptions(cloudWeight: .occurrences, cloudLanguage: "en"))
        #expect(
            Self.rows(english.wordcloudTable()) == [
                "label,weight,occurrences,cases,theme,code", "Depression,4,4,2,issues,depression",
                "Bullying,1,1,1,issues,bullying", "Case management,1,1,1,elements,case-management",
            ])
    }

    @Test func codebookMatchesAreWholeWordsAndStopwordsNumbersAndSingleCharactersAreDropped() throws {
        let result = try Self.result(
            [Self.document("a.txt", case: "A", turns: ["我们在2021年做个案管理和个案访谈，case\nmanagement很重要。"])],
            stopwords: ["我们"])
        let words = Dictionary(
            uniqueKeysWithValues: result.tables().wordEntries().map { ($0.word, ($0.occurrences, $0.codes)) })
        #expect(words["个案管理"]?.0 == 1)
        #expect(words["个案管理"]?.1 == [2])
        #expect(words["case management"]?.0 == 1)
        #expect(words["管理"] == nil, "a codebook term is never split into ICU's pieces")
        #expect(words["我们"] == nil, "stopword")
        #expect(words["2021"] == nil, "number")
        #expect(words["和"] == nil && words["年"] == nil, "single Han characters")
        #expect(words["个案"]?.0 == 1)
        #expect(words["个案"]?.1 == [])
        #expect(Self.rows(result.tables().wordsTable()).contains("个案管理,1,1,1,case-management"))
    }

    @Test func cooccurrenceCountsCasesTurnsAndJaccard() throws {
        let result = try Self.result([
            Self.document("a.txt", case: "A", turns: ["抑郁和欺凌。", "抑郁，个案管理。", "欺凌"]),
            Self.document("b.txt", case: "B", turns: ["欺凌"]),
            Self.document("c.txt", case: "C", turns: ["个案管理"]),
        ])
        #expect(
            Self.rows(result.tables().cooccurrenceTable()) == [
                "code_a,code_b,label_a,label_b,cases,segments,jaccard",
                // depression {A}, bullying {A, B}: 1 of 2 cases; one turn holds both.
                "depression,bullying,抑郁,欺凌,1,1,0.500",
                // depression {A}, case management {A, C}.
                "depression,case-management,抑郁,个案管理,1,1,0.500",
                // bullying {A, B}, case management {A, C}: 1 of 3 cases, no turn holds both.
                "bullying,case-management,欺凌,个案管理,1,0,0.333",
            ])
    }

    @Test func kwicRowsCarryTheTurnNumberAndTheWholeSentence() throws {
        let result = try Self.result([
            Self.document("a.txt", case: "A", turns: ["你好。", "第一句没有。抑郁的孩子多吗？第三句！Then bullying, mostly.  Next one."])
        ])
        let rows = Self.rows(result.matchesTable())
        #expect(rows[0].hasSuffix(",left,right,sentence"))
        #expect(rows[1].hasPrefix("a.txt,A,受访者,respondent,2,issues,depression,抑郁,抑郁,"))
        #expect(rows[1].hasSuffix(",抑郁的孩子多吗？"))
        #expect(rows[2].hasPrefix("a.txt,A,受访者,respondent,2,issues,bullying,bullying,bullying,"))
        #expect(rows[2].hasSuffix(",\"Then bullying, mostly.\""))
    }

    @Test func aSentenceReachesAtMostAFixedDistanceFromItsMatch() throws {
        let filler = String(repeating: "很", count: 1000)
        let result = try Self.result([Self.document("a.txt", case: "A", turns: [filler + "抑郁" + filler])])
        let sentence = try #require(result.matches.first?.sentence)
        #expect(sentence.count == 2 + 2 * DocumentAnalyzer.sentenceReach)
    }

    @Test func jsonMirrorsKeepColumnOrderNumbersAndTextColumns() throws {
        var table = CSVTable(header: ["case", "code", "occurrences", "per_10k_tokens", "note"])
        table.rows = [["2021", "x\"y", "3", "1.50", "0012"], ["P02", "z", "0", "", "a\nb"]]
        #expect(
            table.json() == """
                [
                  {"case": "2021", "code": "x\\"y", "occurrences": 3, "per_10k_tokens": 1.50, "note": "0012"},
                  {"case": "P02", "code": "z", "occurrences": 0, "per_10k_tokens": null, "note": "a\\nb"}
                ]

                """)
        #expect(CSVTable(header: ["a"]).json() == "[]\n")
        let parsed = try JSONSerialization.jsonObject(with: Data(table.json().utf8)) as? [[String: Any]]
        #expect(parsed?.count == 2)
    }

    /// Control characters, backslashes and tabs are escaped; other text, Chinese included, goes in as it is.
    @Test func jsonEscapesWhatItMust() {
        let table = CSVTable(header: ["word", "n"], rows: [["抑\\郁\t\u{1}\r\u{1F}\u{7F}", "2"]])
        #expect(table.json() == "[\n  {\"word\": \"抑\\\\郁\\t\\u0001\\r\\u001f\u{7F}\", \"n\": 2}\n]\n")
    }

    /// A large table is written a piece at a time; the pieces make up the same bytes as the whole.
    @Test func largeTablesAreHandedOnInPieces() throws {
        var table = CSVTable(header: ["case", "word", "count"])
        for index in 0..<80_000 { table.rows.append(["P\(index)", "抑郁, \"焦虑\"", String(index % 7)]) }
        var csvPieces: [[UInt8]] = []
        table.forEachCSVPiece(byteOrderMark: true) { csvPieces.append($0) }
        #expect(csvPieces.count > 1)
        #expect(csvPieces.dropLast().allSatisfy { $0.count >= CSVTable.pieceBytes && $0.count < CSVTable.pieceBytes + 100 })
        #expect(Array(csvPieces.joined()) == table.bytes(byteOrderMark: true))
        #expect(table.bytes(byteOrderMark: false).count > 2 * CSVTable.pieceBytes)
        var jsonPieces: [[UInt8]] = []
        table.forEachJSONPiece { jsonPieces.append($0) }
        #expect(jsonPieces.count > 1)
        let json = String(decoding: Array(jsonPieces.joined()), as: UTF8.self)
        #expect(json == table.json())
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
        #expect(parsed?.count == 80_000)
        #expect(parsed?.last?["word"] as? String == "抑郁, \"焦虑\"")
    }

    @Test func excelCSVStartsWithAByteOrderMark() {
        let table = CSVTable(header: ["词"], rows: [["抑郁"]])
        #expect(table.bytes(byteOrderMark: true).prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(Array(table.bytes(byteOrderMark: true).dropFirst(3)) == table.bytes(byteOrderMark: false))
    }
}
