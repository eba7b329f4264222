import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct IngestionTests {
    @Test func invalidUTF8IsReplacedAndLocated() {
        let bytes: [UInt8] = Array("抑郁".utf8) + [0xFF, 0x41] + [0xE6, 0x8A] + Array("z".utf8)
        let (text, warnings) = UTF8TextDecoder().decode(bytes, path: "a.txt")
        #expect(text == "抑郁\u{FFFD}A\u{FFFD}z")
        #expect(warnings.map(\.description) == ["a.txt: warning: invalid UTF-8 at byte 6, 8; replaced with U+FFFD"])
        #expect(warnings.first?.location.byteOffset == 6)
    }

    @Test func manyInvalidPlacesAreCountedNotListed() {
        let (_, warnings) = UTF8TextDecoder().decode([0xFF, 0xFF, 0xFF, 0xFF, 0xFF], path: "a.txt")
        #expect(warnings.first?.message == "invalid UTF-8 at byte 0, 1, 2 and 2 more; replaced with U+FFFD")
    }

    @Test func byteOrderMarkIsDroppedAndLineEndsBecomeLF() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)
        let (text, warnings) = UTF8TextDecoder().decode(bytes, path: "a.txt")
        #expect(text == "a\nb\nc\n")
        #expect(warnings.isEmpty)
    }

    @Test func csvParserFollowsRFC4180() throws {
        let text = "a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n"
        let records = try CSVParser().records(in: text)
        #expect(records == [
            CSVRecord(fields: ["a", "b", "c"], line: 1),
            CSVRecord(fields: ["x, y", "he said \"hi\"", "two\nlines"], line: 2),
            CSVRecord(fields: ["last", "", ""], line: 5),
        ])
        #expect(try CSVParser(delimiter: "\t").records(in: "a\tb") == [CSVRecord(fields: ["a", "b"], line: 1)])
    }

    @Test func csvParserLocatesAnUnclosedQuote() {
        #expect(throws: CSVParser.Failure.unclosedQuote(line: 2)) {
            try CSVParser().records(in: "a,b\n1,\"open\n\nstill open")
        }
    }

    @Test func csvTableQuotesOnlyWhatNeedsIt() {
        let table = CSVTable(header: ["a", "b"], rows: [["x,y", "say \"hi\""], ["line\nbreak", "抑郁"]])
        #expect(table.rendered() == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",抑郁\r\n")
    }

    @Test func talliesMergeInAnyOrder() {
        func tally(_ caseID: String, _ codes: [Int], tokens: Int) -> CorpusTally {
            var document = DocumentTally(caseID: caseID, tokens: tokens, characters: tokens * 2, codeCount: 2, termCount: 2)
            document.codeOccurrences = codes
            document.termOccurrences = codes
            return CorpusTally(document)
        }
        let parts = [tally("a", [1, 0], tokens: 10), tally("b", [2, 3], tokens: 5), tally("a", [0, 4], tokens: 1)]
        var forward = CorpusTally(codeCount: 2, termCount: 2)
        parts.forEach { forward.merge($0) }
        var backward = CorpusTally(codeCount: 2, termCount: 2)
        parts.reversed().forEach { backward.merge($0) }
        #expect(forward == backward)
        #expect(forward.codeOccurrences == [3, 7])
        #expect(forward.codeDocuments == [2, 2])
        #expect(forward.codeCases() == [2, 2])
        #expect(forward.codeCases(minimum: 3) == [0, 2])
        #expect(forward.tokens == 16)
    }

    @Test func readerRefusesFilesOverItsLimitAndEmptyFiles() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.txt")
        try Data(repeating: 0x61, count: 100).write(to: big)
        let loader = DocumentLoader(options: IngestionOptions(maximumFileBytes: 99))
        #expect(throws: IngestionError.tooLarge(path: big.path, bytes: 100, limit: 99)) {
            try loader.load(DocumentSource(path: big.path, id: "big.txt"))
        }
        let documents = try DocumentLoader(options: IngestionOptions(maximumFileBytes: 100))
            .load(DocumentSource(path: big.path, id: "big.txt")).documents
        #expect(documents.map(\.text.count) == [100])
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        #expect(throws: IngestionError.empty(path: empty.path)) {
            try loader.load(DocumentSource(path: empty.path, id: "empty.txt"))
        }
    }
}
