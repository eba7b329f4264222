import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct SurveyTableTests {
    static let tables = TestSupport.fixtures.appendingPathComponent("tables")

    /// Reads `text` as a delimited file named `path`.
    func read(
        _ text: String, path: String = "survey.csv", format: DocumentFormat = .csv,
        options: IngestionOptions = IngestionOptions(), source: DocumentSource? = nil
    ) throws(IngestionError) -> ReadResult {
        try DelimitedTextReader(format: format, options: options)
            .read(Array(text.utf8), from: source ?? DocumentSource(path: path, id: path))
    }

    /// Reads the fixture `name` with the reader its extension picks.
    func readFixture(_ name: String, options: IngestionOptions = IngestionOptions(), caseID: String? = nil) throws -> ReadResult {
        let path = Self.tables.appendingPathComponent(name).path
        return try DocumentLoader(options: options).load(DocumentSource(path: path, id: name, caseID: caseID))
    }

    /// The stretch of `document.text` each segment claims, which must be the segment's own text.
    func checkSegmentOffsets(_ document: Document) {
        let scalars = Array(document.text.unicodeScalars)
        for segment in document.segments {
            let end = segment.start + segment.text.unicodeScalars.count
            #expect(end <= scalars.count)
            guard end <= scalars.count else { continue }
            #expect(String(String.UnicodeScalarView(scalars[segment.start..<end])) == segment.text)
        }
    }

    // MARK: Delimiters and CSV

    @Test func sniffsCommaTabAndSemicolon() {
        let sniffer = DelimiterSniffer()
        #expect(sniffer.delimiter(of: "id,answer,year\n1,\"yes; no\",2024\n2,fine,2023\n") == ",")
        #expect(sniffer.delimiter(of: "id\tanswer\tyear\n1\tyes, no; maybe\t2024\n") == "\t")
        // European Excel: semicolons between fields, decimal commas inside them, commas inside quoted text.
        #expect(sniffer.delimiter(of: "id;score;answer\n1;3,5;\"a, b, c\"\n2;4,25;\"x, y\"\n") == ";")
        // A quoted header cell full of commas does not make commas the delimiter.
        #expect(sniffer.delimiter(of: "\"a, b, c, d\";answer\n1;ok\n") == ";")
        // Both comma and tab split this consistently: the `.tsv` hint decides, comma otherwise.
        let either = "a,b\tc\n1,2\t3\n"
        #expect(sniffer.delimiter(of: either, hint: "\t") == "\t")
        #expect(sniffer.delimiter(of: either) == ",")
        // The hint loses when it does not fit.
        #expect(sniffer.delimiter(of: "a,b,c\n1,2,3\n", hint: "\t") == ",")
        // Nothing splits the header: the hint, else comma.
        #expect(sniffer.delimiter(of: "answer\nyes\n", hint: "\t") == "\t")
        #expect(sniffer.delimiter(of: "answer\nyes\n") == ",")
    }

    @Test func readerUsesTheSniffedDelimiterAndSaysSoWhenItIsUnexpected() throws {
        let options = IngestionOptions(textColumns: ["answer"])
        let semicolons = try read("id;answer\n1;\"Angst, Stress\"\n", options: options)
        #expect(semicolons.documents.map(\.text) == ["Angst, Stress"])
        #expect(semicolons.warnings.map(\.description) == ["survey.csv:1: note: fields are separated by semicolons, not commas"])
        // A header with a comma in it splits in two at commas as well, but semicolons split it into more fields.
        let both = try read("id;age, years;answer\n1;3,5;sad\n2;4,0;ok\n", options: options)
        #expect(both.documents.map(\.text) == ["sad", "ok"])
        let tabs = try read("id\tanswer\n1\tworried, tired\n", path: "survey.tsv", format: .tsv, options: options)
        #expect(tabs.documents.map(\.text) == ["worried, tired"])
        #expect(tabs.documents.map(\.format) == [.tsv])
        #expect(tabs.warnings.isEmpty)
    }

    @Test func generatedTablesRoundTripAndSniffTheirDelimiter() throws {
        var generator = MatcherPropertyTests.Generator(state: 20_240_305)
        let pieces = ["心理", "a", " ", ",", ";", "\t", "\"", "\n", "\r\n", "〖", "┋", "-2", "😀", "e\u{301}"]
        func quoted(_ cell: String, _ delimiter: Unicode.Scalar) -> String {
            let needsQuotes = cell.unicodeScalars.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }
        for round in 0..<300 {
            let delimiter = DelimiterSniffer.candidates[round % 3]
            let width = 2 + generator.next(5)
            let table = (0..<(1 + generator.next(6))).map { _ in
                (0..<width).map { _ in (0..<generator.next(4)).map { _ in pieces[generator.next(pieces.count)] }.joined() }
            }
            // A header of plain names, as every export has; cells may hold any delimiter, quote or line break.
            let header = (1...width).map { "q\($0)" }
            let text = ([header] + table).map { row in
                row.map { quoted($0, delimiter) }.joined(separator: String(delimiter))
            }.joined(separator: "\r\n") + "\r\n"
            #expect(DelimiterSniffer().delimiter(of: text) == delimiter, "round \(round): \(text.debugDescription)")
            let rows = try CSVParser(delimiter: delimiter).rows(in: text)
            // The parser keeps CR inside quoted cells; decoding has turned them into LF before it runs on files.
            #expect(rows.map(\.cells) == [header] + table, "round \(round): \(text.debugDescription)")
        }
    }

    @Test func csvRowsCountRecordsAndStartLines() throws {
        let rows = try CSVParser().rows(in: "h1,h2\n\"a\nb\",c\n\nd,e\n")
        #expect(rows == [
            SpreadsheetRow(number: 1, line: 1, cells: ["h1", "h2"]),
            SpreadsheetRow(number: 2, line: 2, cells: ["a\nb", "c"]),
            SpreadsheetRow(number: 3, line: 5, cells: ["d", "e"]),
        ])
    }

    @Test func quotedMultilineCellsWithDoubledQuotes() throws {
        let result = try readFixture("multiline.csv", options: IngestionOptions(textColumns: ["program", "answer"]))
        #expect(result.warnings.isEmpty)
        let documents = result.documents
        #expect(documents.map(\.id) == ["multiline.csv#row-2", "multiline.csv#row-3"])
        #expect(documents[0].text == "Alpha\nShe said \"we need help\"\nand then\nleft")
        #expect(documents[0].segments.map(\.start) == [0, 6])
        #expect(documents[0].segments.map(\.text) == ["Alpha", "She said \"we need help\"\nand then\nleft"])
        #expect(documents[0].segments.map(\.speaker) == ["program", "answer"])
        #expect(documents[0].segments.map(\.role) == [.respondent, .respondent])
        #expect(documents[1].text == "Beta\nplain, with comma")
        #expect(documents[1].segments.map(\.start) == [0, 5])
        documents.forEach(checkSegmentOffsets)
        #expect(documents.map(\.metadata) == [["id": "1"], ["id": "2"]])
        #expect(documents.map(\.caseID) == documents.map(\.id))
        #expect(documents.map(\.format) == [.csv, .csv])
        #expect(documents.map(\.encoding) == ["UTF-8", "UTF-8"])
    }

    @Test func segmentOffsetsCountUnicodeScalars() throws {
        // 👍🏽 is one character but two scalars; the second answer starts after both.
        let result = try read("a,b\n好👍🏽,第二\n", options: IngestionOptions(textColumns: ["a", "b"]))
        #expect(result.documents[0].segments.map(\.start) == [0, 4])
        checkSegmentOffsets(result.documents[0])
    }

    @Test func gbkCSVFromExcelOnChineseWindows() throws {
        // Written by Fixtures/tables/make_gbk_csv.py: GBK bytes, no BOM, CRLF records, LF inside quoted cells.
        let bytes = try [UInt8](Data(contentsOf: Self.tables.appendingPathComponent("gbk-excel.csv")))
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let result = try readFixture("gbk-excel.csv", options: IngestionOptions(caseColumn: "项目名称"))
        let documents = result.documents
        #expect(documents.map(\.encoding) == ["GB18030", "GB18030", "GB18030"])
        #expect(documents.map(\.text) == [
            "老师说\"要坚持\"\n但是家长不理解孩子的憂鬱",
            "学习压力大，缺少心理老师，很多孩子的父母在外地打工，平时没有人陪伴他们聊天",
            "校园欺凌时有发生\n孩子不敢告诉老师，也不愿意和家长沟通自己的情绪问题",
        ])
        #expect(documents.map(\.caseID) == ["阳光项目", "彩虹项目", "希望项目"])
        #expect(documents.map { $0.segments.map(\.speaker) } == Array(repeating: ["您觉得孩子们最大的困难是什么？"], count: 3))
        #expect(documents.map { $0.metadata["编号"] } == ["1", "2", "3"])
        // Records start on lines 2, 4 and 5: the first answer spans two lines.
        #expect(documents.map(\.id) == ["gbk-excel.csv#row-2", "gbk-excel.csv#row-3", "gbk-excel.csv#row-4"])
        #expect(result.warnings.map(\.severity).allSatisfy { $0 == .note })
        // The encoding can also be given.
        let given = try readFixture("gbk-excel.csv", options: IngestionOptions(encoding: "GBK", textColumns: ["C"]))
        #expect(given.documents.map(\.text) == documents.map(\.text))
        #expect(given.documents.map(\.encoding) == ["GB18030", "GB18030", "GB18030"])
    }

    @Test func utf16TSVAsQualtricsAndExcelUnicodeTextWriteIt() throws {
        let text = "id\tanswer\r\n1\t孩子很焦虑，\"不想上学\"\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = try DelimitedTextReader(format: .tsv, options: IngestionOptions(textColumns: ["answer"]))
            .read(bytes, from: DocumentSource(path: "export.tsv", id: "export.tsv"))
        #expect(result.documents.map(\.text) == ["孩子很焦虑，\"不想上学\""])
        #expect(result.documents.map(\.encoding) == ["UTF-16LE"])
    }

    @Test func unclosedQuoteReportsTheLineWhereItOpened() {
        #expect(throws: IngestionError.malformed(
            at: SourceLocation(path: "survey.csv", line: 3),
            reason: "unclosed quote: the quoted field opened on line 3 never ends; close the quote or double the "
                + "quote marks inside the field")
        ) {
            try read("id,answer\n1,fine\n2,\"never\nclosed\n3,more\n")
        }
    }

    // MARK: Layouts

    @Test func qualtricsUsesTheQuestionTextRowAndSkipsThreeHeaderRows() throws {
        let result = try readFixture("qualtrics.csv", options: IngestionOptions(caseColumn: "Q1"))
        let documents = result.documents
        #expect(documents.map(\.id) == ["qualtrics.csv#row-4", "qualtrics.csv#row-5"])
        #expect(documents.map(\.caseID) == ["Sunrise Program", "Hope Center"])
        #expect(documents[0].segments.map(\.speaker) == [
            "What is the biggest challenge for the children you serve?", "What support would help your program most?",
        ])
        #expect(documents[0].text == "Many children feel anxious about exams, and parents rarely talk about it.\n"
            + "Training for teachers on emotional support")
        #expect(documents[1].text == "Bullying at school and loneliness after parents migrate for work")
        documents.forEach(checkSegmentOffsets)
        #expect(documents[0].metadata["Response ID"] == "R_1aBcD")
        #expect(documents[0].metadata["IP Address"] == "203.0.113.5")
        #expect(documents[0].metadata["Which program do you work in?"] == "Sunrise Program")
        #expect(documents[0].metadata.count == 10)
        // Headers are cut at 40 characters in messages. Metadata columns (dates, IP, duration, …) are not chosen,
        // nor is the case column.
        #expect(result.warnings.map(\.message) == [
            "text columns: K \"What is the biggest challenge for the ch…\", L \"What support would help your program "
                + "mos…\" (chosen as long free-text answers; name others by header, number or letter)"
        ])
        #expect(result.warnings.map(\.location.line) == [2])
        // The short names of the first header row address columns too.
        let byShortName = try readFixture("qualtrics.csv", options: IngestionOptions(textColumns: ["Q3_TEXT"]))
        #expect(byShortName.documents.map(\.text) == ["Training for teachers on emotional support"])
        #expect(byShortName.warnings.map(\.message) == ["1 row has no answer in the text column L (row 5); skipped"])
    }

    @Test func detectsLayouts() {
        func rows(_ lines: [[String]]) -> [SpreadsheetRow] {
            lines.enumerated().map { SpreadsheetRow(number: $0.offset + 1, cells: $0.element) }
        }
        #expect(SurveyLayout.detect(rows([["序号", "提交答卷时间", "1、问题"]])) == .wenjuanxing)
        #expect(SurveyLayout.detect(rows([["序号", "1、问题"]])) == .plain)
        #expect(SurveyLayout.detect(rows([["Q1"], ["Question"], ["{\"ImportId\":\"QID1\"}"]])) == .qualtrics)
        #expect(SurveyLayout.detect(rows([["Q1"], ["Question"], ["{ImportId: QID1}"]])) == .qualtrics)
        #expect(SurveyLayout.detect(rows([["Q1"], ["Question"], ["answer"]])) == .plain)
        #expect(SurveyLayout.importID(in: "{\"ImportId\":\"QID12_TEXT\"}") == "QID12_TEXT")
        #expect(SurveyLayout.isWenjuanxingQuestion("12、您的看法"))
        #expect(SurveyLayout.isWenjuanxingQuestion("3. Why"))
        #expect(SurveyLayout.isWenjuanxingQuestion("5(其他)"))
        #expect(!SurveyLayout.isWenjuanxingQuestion("2024年"))
        #expect(!SurveyLayout.isWenjuanxingQuestion("来源"))
    }

    @Test func wenjuanxingExport() throws {
        let result = try readFixture("wenjuanxing.csv")
        let documents = result.documents
        // Row 4 (序号 3) skipped every text question (-3, (跳过)).
        #expect(documents.map(\.id) == ["wenjuanxing.csv#row-2", "wenjuanxing.csv#row-3", "wenjuanxing.csv#row-5"])
        #expect(documents.map(\.text) == [
            "缺少专业的心理咨询师，家长不重视孩子的情绪问题\n希望增加心理健康课程和教师培训",
            "学生焦虑和抑郁的情况越来越多，但学校没有心理老师",
            "第一，资金不足；\n第二，志愿者流动性大\n需要更多家校合作的机会和专业督导",
        ])
        #expect(documents[2].segments.map(\.speaker) == ["3、您所在项目目前遇到的最大困难是什么？", "4. 您认为学校心理健康教育还需要哪些支持？"])
        #expect(documents[2].segments.map(\.start) == [0, 20])
        documents.forEach(checkSegmentOffsets)
        // Leading platform columns, the single-choice question (short answers), the multi-select question (┋) and
        // the non-question column are not chosen.
        #expect(result.warnings.map(\.description) == [
            "\(Self.tables.appendingPathComponent("wenjuanxing.csv").path):1: note: text columns: "
                + "I \"3、您所在项目目前遇到的最大困难是什么？\", J \"4. 您认为学校心理健康教育还需要哪些支持？\" (chosen as long "
                + "free-text answers; name others by header, number or letter)",
            "\(Self.tables.appendingPathComponent("wenjuanxing.csv").path):4: warning: 1 row has no answer in the "
                + "text columns I, J (row 4); skipped",
        ])
        // Every other column is metadata; the skipped mark reads as empty.
        #expect(documents[0].metadata["来自IP"] == "1.2.3.4(北京-北京)")
        #expect(documents[0].metadata["所用时间"] == "120秒")
        #expect(documents[0].metadata["1、您的身份："] == "项目工作人员")
        #expect(documents[0].metadata["2、您所在项目的主要服务对象有哪些？"] == "留守儿童┋流动儿童┋其他〖我们学校有心理老师〗")
        #expect(documents[0].metadata["项目名称"] == "阳光项目")
        #expect(documents[0].metadata.count == 9)
    }

    @Test func wenjuanxingMultiSelectFillInsAndSkips() throws {
        let result = try readFixture("wenjuanxing.csv", options: IngestionOptions(textColumns: ["H"]))
        #expect(result.documents.map(\.text) == [
            "留守儿童\n流动儿童\n其他\n我们学校有心理老师", "留守儿童", "流动儿童\n其他",
        ])
        #expect(result.documents.map { $0.segments.count } == [1, 1, 1])
        #expect(result.warnings.map(\.message) == ["1 row has no answer in the text column H (row 4); skipped"])
        #expect(result.documents[0].metadata["3、您所在项目目前遇到的最大困难是什么？"] == "缺少专业的心理咨询师，家长不重视孩子的情绪问题")
        #expect(result.documents[1].metadata["4. 您认为学校心理健康教育还需要哪些支持？"] == "")
    }

    @Test func wenjuanxingAnswerLines() {
        #expect(WenjuanxingAnswer.lines("-2") == [])
        #expect(WenjuanxingAnswer.lines(" -3 ") == [])
        #expect(WenjuanxingAnswer.lines("(跳过)") == [])
        #expect(WenjuanxingAnswer.lines("A┋B┋其他〖自己写的〗") == ["A", "B", "其他", "自己写的"])
        #expect(WenjuanxingAnswer.lines("其他〖〗") == ["其他"])
        #expect(WenjuanxingAnswer.lines("〖只有填空〗") == ["只有填空"])
        #expect(WenjuanxingAnswer.lines("一行\n两行") == ["一行\n两行"])
    }

    // MARK: Columns

    @Test func textColumnsByHeaderIndexAndLetter() throws {
        let csv = "id,program,feelings,support\n1,Alpha,sad,teachers\n"
        func texts(_ columns: [String]) throws -> [String] {
            try read(csv, options: IngestionOptions(textColumns: columns)).documents.map(\.text)
        }
        #expect(try texts(["support"]) == ["teachers"])
        #expect(try texts(["Support"]) == ["teachers"])
        #expect(try texts(["3"]) == ["sad"])
        #expect(try texts(["C", "d"]) == ["sad\nteachers"])
        // Answers follow the order the columns are named in, and a column named twice counts once.
        #expect(try texts(["support", "feelings", "D"]) == ["teachers\nsad"])
        // Past Z come AA, AB, …: column 28 is AB.
        let header = (1...28).map { "c\($0)" }.joined(separator: ",")
        let row = (1...28).map { "v\($0)" }.joined(separator: ",")
        #expect(try read(header + "\n" + row + "\n", options: IngestionOptions(textColumns: ["AB"])).documents.map(\.text) == ["v28"])
        #expect(SurveyColumn.letter(forIndex: 0) == "A")
        #expect(SurveyColumn.letter(forIndex: 25) == "Z")
        #expect(SurveyColumn.letter(forIndex: 26) == "AA")
        #expect(SurveyColumn.letter(forIndex: 701) == "ZZ")
        #expect(SurveyColumn.index(forLetter: "AAA") == 702)
        // A header that looks like a number is found as a header first.
        #expect(try read("2024,2023\nnew,old\n", options: IngestionOptions(textColumns: ["2023"])).documents.map(\.text) == ["old"])
    }

    @Test func unknownColumnListsTheHeaders() {
        let csv = "id,program,feelings\n1,Alpha,sad\n"
        let expected = IngestionError.malformed(
            at: SourceLocation(path: "survey.csv", line: 1),
            reason: "text column \"mood\" is neither a header, a column number 1–3 nor a letter A–C; the columns are: "
                + "A \"id\", B \"program\", C \"feelings\"")
        #expect(throws: expected) { try read(csv, options: IngestionOptions(textColumns: ["mood"])) }
        #expect(throws: IngestionError.self) { try read(csv, options: IngestionOptions(textColumns: ["4"])) }
        #expect(throws: IngestionError.self) { try read(csv, options: IngestionOptions(textColumns: ["D"])) }
        let caseError = #expect(throws: IngestionError.self) {
            try read(csv, options: IngestionOptions(textColumns: ["feelings"], caseColumn: "site"))
        }
        #expect(caseError?.message.hasPrefix("case column \"site\" is neither a header") == true)
    }

    @Test func automaticChoiceSkipsNumbersDatesIdsAndRepeatedLabels() throws {
        let csv = """
            respondent,submitted,score,program,email,why
            101,2024-03-01 10:00,3.5,Sunshine Community Program,a@example.org,孩子们缺少可以倾诉的人
            102,2024-03-02 11:30,4,Sunshine Community Program,b@example.org,Teachers have no time to listen to students
            103,2024-03-03 09:15,2,Sunshine Community Program,c@example.org,家长外出打工，孩子很孤独
            104,2024-03-04 08:45,5,Rainbow Youth Program,d@example.org,Too much homework and exam pressure
            105,2024-03-05 16:20,1,Sunshine Community Program,e@example.org,没有心理老师

            """
        let result = try read(csv)
        #expect(result.documents.count == 5)
        #expect(result.documents.allSatisfy { $0.segments.map(\.speaker) == ["why"] })
        #expect(result.warnings.map(\.message) == [
            "text columns: F \"why\" (chosen as long free-text answers; name others by header, number or letter)"
        ])
        #expect(result.documents[0].metadata == [
            "respondent": "101", "submitted": "2024-03-01 10:00", "score": "3.5", "program": "Sunshine Community Program",
            "email": "a@example.org",
        ])
    }

    @Test func noQualifyingColumnWarnsAndGivesNoDocuments() throws {
        let result = try read("id,age,choice\n1,12,yes\n2,13,no\n")
        #expect(result.documents.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.severity == .warning)
        #expect(result.warnings.first?.message.hasPrefix("no column looks like free text") == true)
        #expect(result.warnings.first?.message.contains("A \"id\", B \"age\", C \"choice\"") == true)
    }

    @Test func textColumnRule() {
        #expect(TextColumnRule.width("心理老师") == 8)
        #expect(TextColumnRule.width("teacher") == 7)
        for value in ["2024-03-05 10:22:33", "2024年3月5日", "120秒", "3.5", "45%", "1.2.3.4(北京-北京)", "https://x.cn/a",
            "someone@example.org", "HTTP://X.CN", "Www.example.org 看看", "hTTps://x"]
        {
            #expect(TextColumnRule.isStructured(value), "\(value)")
        }
        for value in ["没有心理老师", "3 teachers left", "第一，资金不足", "-", "http:/x 说", "ｗｗｗ.网站 很好", "wwwx"] {
            #expect(!TextColumnRule.isStructured(value), "\(value)")
        }
        let rule = TextColumnRule()
        #expect(rule.qualifies(["学生压力很大", "没有心理老师"]))
        #expect(!rule.qualifies(["压力大", "没有"]))
        #expect(!rule.qualifies(Array(repeating: "Sunshine Community Program", count: 5)))
        #expect(!rule.qualifies([]))
        // The counts stop early only where the answer is settled.
        #expect(!TextColumnRule(maximumStructuredShare: 0).qualifies(["学生压力很大", "没有心理老师"]))
        let long = ["学生压力很大", "没有心理老师", "家长不太配合工作"]
        #expect(!rule.qualifies([long[0], long[0], long[1], long[1], long[0]]))
        #expect(rule.qualifies([long[0], long[0], long[1], long[2], long[0]]))
        #expect(!rule.qualifies(long + ["2024年3月5日"]))
        #expect(rule.qualifies(long + long + ["2024年3月5日"]))
    }

    @Test func caseColumnGivesCasesWithFallbacks() throws {
        let options = IngestionOptions(caseColumn: "项目名称")
        let withManifestCase = try readFixture("wenjuanxing.csv", options: options, caseID: "manifest-case")
        #expect(withManifestCase.documents.map(\.caseID) == ["阳光项目", "彩虹项目", "manifest-case"])
        let withoutManifestCase = try readFixture("wenjuanxing.csv", options: IngestionOptions(caseColumn: "K"))
        #expect(withoutManifestCase.documents.map(\.caseID) == ["阳光项目", "彩虹项目", "wenjuanxing.csv#row-5"])
        let noCaseColumn = try readFixture("wenjuanxing.csv", caseID: "manifest-case")
        #expect(noCaseColumn.documents.map(\.caseID) == ["manifest-case", "manifest-case", "manifest-case"])
    }

    @Test func metadataCarriesManifestAndOtherColumns() throws {
        let source = DocumentSource(path: "s.csv", id: "surveys/s.csv", metadata: ["year": "2024", "wave": "1"])
        let csv = "id,year,,note,note,answer\n7,2023,lost,x,y,很担心孩子\n"
        let result = try read(csv, options: IngestionOptions(textColumns: ["answer"]), source: source)
        let document = try #require(result.documents.first)
        #expect(document.id == "surveys/s.csv#row-2")
        #expect(document.source == "s.csv")
        // The manifest keeps its names; a column repeating one gets `_2`, as repeated headers do; an unnamed
        // column is left out.
        #expect(document.metadata == ["year": "2024", "wave": "1", "id": "7", "year_2": "2023", "note": "x", "note_2": "y"])
        // Repeated headers are addressable by their unique names.
        let second = try read(csv, options: IngestionOptions(textColumns: ["note_2"]), source: source)
        #expect(second.documents.map(\.text) == ["y"])
    }

    // MARK: Shapes

    @Test func raggedRowsAreTolerated() throws {
        let csv = "id,answer,extra\n1,short row\n2,long row,e,SURPLUS\n3,trailing empties,e,,\n"
        let result = try read(csv, options: IngestionOptions(textColumns: ["answer"]))
        #expect(result.documents.map(\.text) == ["short row", "long row", "trailing empties"])
        #expect(result.documents[0].metadata == ["id": "1", "extra": ""])
        #expect(result.documents[1].metadata == ["id": "2", "extra": "e"])
        #expect(result.warnings.map(\.description) == [
            "survey.csv:3: warning: row 3 has 4 cells but the header has 3 columns; the cells after column C are ignored"
        ])
    }

    @Test func manyRaggedRowsAreCountedAfterTheFirstTen() throws {
        let csv = "id,answer\n" + (1...12).map { "\($0),text,surplus" }.joined(separator: "\n")
        let result = try read(csv, options: IngestionOptions(textColumns: ["answer"]))
        #expect(result.documents.count == 12)
        #expect(result.warnings.count == 11)
        #expect(result.warnings.last?.message == "2 more rows have more cells than the header has columns; the extra cells are ignored")
        #expect(result.warnings.last?.location.line == 12)
    }

    @Test func headerOnlyWarnsAndGivesNoDocuments() throws {
        let plain = try read("id,answer\n", options: IngestionOptions(textColumns: ["answer"]))
        #expect(plain.documents.isEmpty)
        #expect(plain.warnings.map(\.description) == ["survey.csv:1: warning: the table has a header but no rows of answers; no documents"])
        let qualtrics = try read(
            "Q1,Q2\nProgram,Why\n\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\n",
            options: IngestionOptions(textColumns: ["Why"]))
        #expect(qualtrics.documents.isEmpty)
        #expect(qualtrics.warnings.map(\.location.line) == [2])
        // Without named columns there is nothing to choose from, and the header-only warning is the only one.
        let unnamed = try read("id,answer\n")
        #expect(unnamed.documents.isEmpty)
        #expect(unnamed.warnings.map(\.message) == ["the table has a header but no rows of answers; no documents"])
        #expect(throws: IngestionError.self) { try read("id,answer\n", options: IngestionOptions(textColumns: ["why"])) }
    }

    @Test func missingHeaderIsAnError() {
        #expect(throws: IngestionError.malformed(
            at: SourceLocation(path: "survey.csv", line: 1),
            reason: "no header row: the table is empty; put the column names in the first row")
        ) {
            try read("\n\n")
        }
        #expect(throws: IngestionError.malformed(
            at: SourceLocation(path: "survey.csv", line: 2),
            reason: "no header row: row 1 is empty; put the column names in the first row")
        ) {
            try read("\n, ,\n1,2,3\n")
        }
        #expect(throws: IngestionError.self) { try SurveyTable(rows: [], path: "grid.xlsx") }
    }

    @Test func rowsWithoutTextAreSkippedInOneWarning() throws {
        let csv = "id,answer\n" + (1...8).map { $0 == 3 ? "\($0),ok" : "\($0), " }.joined(separator: "\n")
        let result = try read(csv, options: IngestionOptions(textColumns: ["answer"]))
        #expect(result.documents.map(\.id) == ["survey.csv#row-4"])
        #expect(result.warnings.map(\.description) == [
            "survey.csv:2: warning: 7 rows have no answer in the text column B (rows 2, 3, 5, 6, 7 and 2 more); skipped"
        ])
    }

    @Test func xlsxExportGivesTheSameDocumentsAsItsCSV() throws {
        // wenjuanxing.xlsx holds the cells of wenjuanxing.csv (written by Fixtures/tables/make_xlsx.py).
        let options = IngestionOptions(caseColumn: "项目名称")
        let csv = try readFixture("wenjuanxing.csv", options: options)
        let xlsx = try readFixture("wenjuanxing.xlsx", options: options)
        #expect(xlsx.documents.map(\.id) == ["wenjuanxing.xlsx#row-2", "wenjuanxing.xlsx#row-3", "wenjuanxing.xlsx#row-5"])
        #expect(xlsx.documents.map(\.text) == csv.documents.map(\.text))
        #expect(xlsx.documents.map(\.segments) == csv.documents.map(\.segments))
        #expect(xlsx.documents.map(\.metadata) == csv.documents.map(\.metadata))
        #expect(xlsx.documents.map(\.caseID) == ["阳光项目", "彩虹项目", "wenjuanxing.xlsx#row-5"])
        #expect(xlsx.documents.allSatisfy { $0.format == .xlsx && $0.encoding == "UTF-8" })
        #expect(xlsx.warnings.map(\.message) == csv.warnings.map(\.message))
    }

    @Test func htmlTableXLSFromASurveyPlatform() throws {
        let html = """
            <html><head><meta charset="utf-8"></head><body><table>
            <tr><td>序号</td><td>提交答卷时间</td><td>来自IP</td><td>1、您的建议：</td></tr>
            <tr><td>1</td><td>2024/3/5 10:22:33</td><td>1.2.3.4</td><td>多开展心理健康讲座┋其他〖家长课堂〗</td></tr>
            </table></body></html>
            """
        let result = try SpreadsheetReader(format: .xls, options: IngestionOptions(textColumns: ["D"]))
            .read(Array(html.utf8), from: DocumentSource(path: "export.xls", id: "export.xls"))
        #expect(result.documents.map(\.text) == ["多开展心理健康讲座\n其他\n家长课堂"])
        #expect(result.documents.map(\.id) == ["export.xls#row-2"])
        #expect(result.documents.first?.metadata == ["序号": "1", "提交答卷时间": "2024/3/5 10:22:33", "来自IP": "1.2.3.4"])
        #expect(result.documents.map(\.format) == [.xls])
    }

    @Test func rowsFromAGridBecomeDocuments() throws {
        // Rows as a spreadsheet reader hands them over: no lines, cells with CRLF typed into them.
        let rows = [
            SpreadsheetRow(number: 1, cells: ["program", "answer"]),
            SpreadsheetRow(number: 3, cells: ["Alpha", "one\r\ntwo"]),
        ]
        let table = try SurveyTable(rows: rows, path: "book.xlsx")
        let result = try table.documents(
            from: DocumentSource(path: "book.xlsx", id: "book.xlsx"), format: .xlsx, encoding: "UTF-8",
            options: IngestionOptions(textColumns: ["answer"], caseColumn: "program"))
        #expect(result.documents.map(\.id) == ["book.xlsx#row-3"])
        #expect(result.documents.map(\.text) == ["one\ntwo"])
        #expect(result.documents.map(\.caseID) == ["Alpha"])
        #expect(result.documents.map(\.format) == [.xlsx])
    }
}
