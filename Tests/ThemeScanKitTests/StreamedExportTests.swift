import Foundation
import Testing

@testable import ThemeScanKit

/// A CSV or TSV export in UTF-8 is read a block at a time and made into documents as its rows come in; what it
/// gives must be what reading the file whole gives, wherever the blocks end, and any file the whole-file reader
/// would have to judge (another encoding, broken bytes, an unclosed quote) must still be read whole.
@Suite struct StreamedExportTests {
    static let pieces = ["心理", "a", " ", ",", ";", "\t", "\"", "\n", "\r\n", "\r", "〖", "┋", "-2", "😀", "é", "孩子很焦虑，也有抑郁"]

    /// A CSV text of `rows` generated rows under a plain header, with quoted cells holding delimiters, quotes and
    /// line breaks of every kind, CRLF or LF record ends, ragged rows and rows without answers.
    static func export(rows: Int, delimiter: Unicode.Scalar, generator: inout MatcherPropertyTests.Generator) -> String {
        func quoted(_ cell: String) -> String {
            let needsQuotes = cell.unicodeScalars.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            return needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }
        let separator = String(delimiter)
        let lineEnd = generator.next(2) == 0 ? "\r\n" : "\n"
        var text = ["id", "group", "answer", "comment"].joined(separator: separator) + lineEnd
        for row in 0..<rows {
            // Long enough to be chosen as free text, except the empty answers of rows that are skipped.
            let answer = generator.next(9) == 0
                ? "" : "家长反映孩子" + (0..<generator.next(6)).map { _ in pieces[generator.next(pieces.count)] }.joined()
            let comment = generator.next(3) == 0 ? "" : "说明" + pieces[generator.next(pieces.count)]
            var cells = ["r\(row)", ["A", "B"][generator.next(2)], answer, comment]
            if generator.next(17) == 0 { cells.append("extra") }
            text += cells.map(quoted).joined(separator: separator) + lineEnd
            if generator.next(11) == 0 { text += lineEnd }
        }
        return text
    }

    /// Every batch of the stream of `path`, and its warnings.
    static func streamed(
        _ path: String, format: DocumentFormat = .csv, options: IngestionOptions, rule: TextColumnRule = TextColumnRule(),
        blockBytes: Int, batchSize: Int = 7
    ) throws -> (documents: [Document], warnings: [String])? {
        let source = DocumentSource(path: path, id: "survey")
        guard var stream = DelimitedTextReader(format: format, options: options, rule: rule).stream(source, blockBytes: blockBytes)
        else { return nil }
        var documents: [Document] = []
        while let batch = try stream.next(limit: batchSize) {
            #expect(!batch.isEmpty && batch.count <= batchSize)
            documents += batch
        }
        return (documents, stream.warnings.map(\.description))
    }

    /// Each record's list of fields is about the size of the record before it, not of the widest of all: every row
    /// of a streamed export keeps its list until it is made a document.
    @Test func aWideRecordLeavesTheNextRecordsTheirOwnSize() {
        var scanner = CSVRecordScanner(delimiter: UInt8(ascii: ","))
        let text = Array(((0..<200).map(String.init).joined(separator: ",") + "\n" + String(repeating: "a,b,c\n", count: 50)).utf8)
        var records: [CSVRecord] = []
        _ = text.withUnsafeBufferPointer { scanner.scan($0) { records.append($0); return true } }
        #expect(records.count == 51 && records[0].fields.count == 200)
        #expect(records.dropFirst().allSatisfy { $0.fields == ["a", "b", "c"] })
        #expect(records.dropFirst(2).allSatisfy { $0.fields.capacity < 16 })
    }

    @Test func recordsAreTheSameWhereverPiecesEnd() throws {
        var generator = MatcherPropertyTests.Generator(state: 20_261_130)
        for round in 0..<200 {
            let delimiter = DelimiterSniffer.candidates[round % 3]
            var text = Self.export(rows: 1 + generator.next(8), delimiter: delimiter, generator: &generator)
            // Some texts end without a line end, some inside a quoted field.
            if round % 5 == 1 { text.removeLast() }
            if round % 7 == 2 { text += "x" + String(delimiter) + "\"still open\n" }
            var whole = CSVRecordScanner(delimiter: UInt8(ascii: delimiter))
            var expected: [CSVRecord] = []
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBufferPointer { whole.scan($0) { expected.append($0); return true } }
            let expectedOpen = whole.finish { expected.append($0); return true }
            for pieceSize in [1, 2, 3, 5, 64] {
                var scanner = CSVRecordScanner(delimiter: UInt8(ascii: delimiter))
                var records: [CSVRecord] = []
                var start = 0
                while start < bytes.count {
                    let end = min(bytes.count, start + pieceSize)
                    _ = bytes[start..<end].withUnsafeBufferPointer { scanner.scan($0) { records.append($0); return true } }
                    start = end
                }
                let open = scanner.finish { records.append($0); return true }
                #expect(records == expected, "round \(round), pieces of \(pieceSize): \(text.debugDescription)")
                #expect(open == expectedOpen, "round \(round), pieces of \(pieceSize)")
            }
            // The whole-text parser is the same scanner over one piece.
            if let expectedOpen {
                #expect(throws: CSVParser.Failure.unclosedQuote(line: expectedOpen)) { try CSVParser(delimiter: delimiter).records(in: text) }
            } else {
                #expect(try CSVParser(delimiter: delimiter).records(in: text) == expected)
            }
        }
    }

    @Test func lineEndsAreTheSameWherePiecesEnd() {
        var generator = MatcherPropertyTests.Generator(state: 7)
        for round in 0..<300 {
            let text = (0..<generator.next(20)).map { _ in Self.pieces[generator.next(Self.pieces.count)] }.joined()
            let bytes = Array(text.utf8)
            let pieceSize = 1 + round % 4
            var normalizer = LineEndNormalizer()
            var output: [UInt8] = []
            var start = 0
            while start < bytes.count {
                var piece = Array(bytes[start..<min(bytes.count, start + pieceSize)])
                // In place, as a streamed file's blocks are.
                let written = piece.withUnsafeMutableBufferPointer { buffer in
                    normalizer.normalize(UnsafeBufferPointer(buffer), into: buffer.baseAddress!)
                }
                output += piece.prefix(written)
                start += pieceSize
            }
            #expect(String(decoding: output, as: UTF8.self) == text.replacingLineEnds(), "\(text.debugDescription)")
            #expect(!output.contains(0x0D))
        }
    }

    @Test func streamedExportsGiveWhatWholeReadsGive() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = MatcherPropertyTests.Generator(state: 42)
        var streamedRounds = 0
        for round in 0..<40 {
            let delimiter = DelimiterSniffer.candidates[round % 3]
            var bytes = Array(Self.export(rows: 1 + generator.next(60), delimiter: delimiter, generator: &generator).utf8)
            if round % 4 == 3 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            let format: DocumentFormat = round % 6 == 5 ? .tsv : .csv
            let url = folder.appendingPathComponent("survey-\(round).\(format == .tsv ? "tsv" : "csv")")
            try Data(bytes).write(to: url)
            // A small sample in some rounds, so that columns are chosen from the first rows only.
            let rule = TextColumnRule(sampleRows: round % 2 == 0 ? 5 : 10_000)
            let options = round % 3 == 0 ? IngestionOptions(caseColumn: "group") : IngestionOptions()
            let source = DocumentSource(path: url.path, id: "survey")
            let whole = try DelimitedTextReader(format: format, options: options, rule: rule).read(bytes, from: source)
            #expect(whole.documents.count > 0, "round \(round)")
            for blockBytes in [1, 3, 17, 4096] {
                let streamed = try #require(
                    try Self.streamed(url.path, format: format, options: options, rule: rule, blockBytes: blockBytes),
                    "round \(round) was not streamed")
                #expect(streamed.documents == whole.documents, "round \(round), blocks of \(blockBytes)")
                #expect(streamed.warnings == whole.warnings.map(\.description), "round \(round), blocks of \(blockBytes)")
            }
            streamedRounds += 1
        }
        #expect(streamedRounds == 40)
    }

    @Test func columnsAreChosenFromTheFirstRows() throws {
        // The answers of the second column are long only from the fourth row on.
        let rows = (1...8).map { index in "r\(index),\(index > 3 ? "孩子在学校被欺负，心情很低落 \(index)" : "好")\n" }
        let text = "id,answer\n" + rows.joined()
        let sampled = try DelimitedTextReader(rule: TextColumnRule(sampleRows: 3))
            .read(Array(text.utf8), from: DocumentSource(path: "s.csv", id: "s.csv"))
        #expect(sampled.documents.isEmpty)
        #expect(sampled.warnings.map(\.message).contains { $0.hasPrefix("no column looks like free text in the first 3 rows (") })
        let judged = try DelimitedTextReader(rule: TextColumnRule(sampleRows: 6))
            .read(Array(text.utf8), from: DocumentSource(path: "s.csv", id: "s.csv"))
        #expect(judged.documents.count == 8)
        #expect(judged.warnings.map(\.description) == [
            "s.csv:1: note: text columns: B \"answer\" (chosen as long free-text answers in the first 6 rows; name others by header, number or letter)"
        ])
        let all = try DelimitedTextReader().read(Array(text.utf8), from: DocumentSource(path: "s.csv", id: "s.csv"))
        #expect(all.warnings.map(\.message).allSatisfy { !$0.contains("in the first") })
    }

    @Test func filesTheWholeReaderMustJudgeAreNotStreamed() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = "id,answer\n1,孩子很焦虑\n2,\"家长说\n孩子抑郁\"\n"
        let gbk = try [UInt8](Data(contentsOf: SurveyTableTests.tables.appendingPathComponent("gbk-excel.csv")))
        let cases: [(name: String, bytes: [UInt8], options: IngestionOptions)] = [
            ("invalid-found-gbk.csv", gbk + [0x80, 0x0A], IngestionOptions()),
            ("broken.csv", Array(plain.utf8) + [0xFF, 0x0A], IngestionOptions()),
            ("cut.csv", Array(plain.utf8) + [0xE5, 0xAD], IngestionOptions()),
            ("nul.csv", Array(plain.utf8) + [0x00, 0x0A], IngestionOptions()),
            ("open.csv", Array((plain + "3,\"never closed\n").utf8), IngestionOptions()),
            ("utf16.csv", [0xFF, 0xFE] + plain.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, IngestionOptions()),
            ("bom-and-encoding.csv", [0xEF, 0xBB, 0xBF] + Array(plain.utf8), IngestionOptions(encoding: "GB18030")),
            ("unknown-encoding.csv", Array(plain.utf8), IngestionOptions(encoding: "no-such-charset")),
            ("invalid-gbk.csv", gbk + [0xFF, 0x0A], IngestionOptions(encoding: "GB18030")),
            ("large-record.csv", Array(plain.utf8), IngestionOptions(maximumFileBytes: 12)),
            ("empty.csv", [], IngestionOptions()),
        ]
        for (name, bytes, options) in cases {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let source = DocumentSource(path: url.path, id: name)
            #expect(DelimitedTextReader(options: options).stream(source, blockBytes: 5) == nil, "\(name)")
            let loader = DocumentLoader(options: options)
            // The loader reads these whole, with the whole-file reader's documents or its error.
            let whole = Result { () throws(IngestionError) in try loader.load(source) }
            do {
                let batches = try loader.batches(source, batchSize: 100)
                #expect(!batches.isStreamed, "\(name)")
                var copy = batches
                #expect(try copy.next() == (try? whole.get())?.documents.nilIfEmpty, "\(name)")
            } catch {
                #expect(throws: IngestionError.self, "\(name)") { try whole.get() }
            }
        }
        // The same text in UTF-8, with or without a BOM, is streamed.
        for (name, bytes) in [("plain.csv", Array(plain.utf8)), ("bom.csv", [0xEF, 0xBB, 0xBF] + Array(plain.utf8))] {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let batches = try DocumentLoader().batches(DocumentSource(path: url.path, id: name), batchSize: 1)
            #expect(batches.isStreamed)
            let streamed = try #require(try Self.streamed(url.path, options: IngestionOptions(), blockBytes: 4))
            #expect(streamed.documents.map(\.text) == ["孩子很焦虑", "家长说\n孩子抑郁"])
        }
    }

    @Test func aStreamedExportIsNotBoundByTheFileSizeLimit() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = (1...50).map { "\($0),孩子在学校被欺负，心情很低落 \($0)\n" }.joined()
        let url = folder.appendingPathComponent("long.csv")
        try Data(("id,answer\n" + rows).utf8).write(to: url)
        // Larger than the limit as a whole, though no record is.
        let options = IngestionOptions(maximumFileBytes: 200)
        let source = DocumentSource(path: url.path, id: "long.csv")
        #expect(throws: IngestionError.self) { try DocumentLoader(options: options).load(source) }
        var batches = try DocumentLoader(options: options).batches(source, batchSize: 20)
        var counts: [Int] = []
        while let batch = try batches.next() { counts.append(batch.count) }
        #expect(counts == [20, 20, 10])
    }
}

extension StreamedExportTests {
    /// Given --encoding, an export in another charset is converted as it is read, characters and surrogate pairs
    /// cut by blocks' ends included.
    @Test func exportsInAGivenEncodingAreStreamed() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = MatcherPropertyTests.Generator(state: 99)
        let text = Self.export(rows: 40, delimiter: ",", generator: &generator)
        let utf16 = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let gbk = try [UInt8](Data(contentsOf: SurveyTableTests.tables.appendingPathComponent("gbk-excel.csv")))
        let cases: [(name: String, bytes: [UInt8], options: IngestionOptions, encoding: String)] = [
            ("gbk.csv", gbk, IngestionOptions(encoding: "GBK", caseColumn: "项目名称"), "GB18030"),
            ("utf16.csv", utf16, IngestionOptions(encoding: "UTF-16LE"), "UTF-16LE"),
        ]
        for (name, bytes, options, encoding) in cases {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let source = DocumentSource(path: url.path, id: "survey")
            let whole = try DelimitedTextReader(options: options).read(bytes, from: source)
            #expect(whole.documents.count > 1, "\(name)")
            #expect(whole.documents.allSatisfy { $0.encoding == encoding }, "\(name)")
            for blockBytes in [1, 3, 17, 4096] {
                let streamed = try #require(try Self.streamed(url.path, options: options, blockBytes: blockBytes), "\(name)")
                #expect(streamed.documents == whole.documents, "\(name), blocks of \(blockBytes)")
                #expect(streamed.warnings == whole.warnings.map(\.description), "\(name), blocks of \(blockBytes)")
            }
            #expect(try DocumentLoader(options: options).batches(source, batchSize: 10).isStreamed)
        }
    }

    @Test func exportsInAnEncodingFoundAreStreamed() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let gbk = try [UInt8](Data(contentsOf: SurveyTableTests.tables.appendingPathComponent("gbk-excel.csv")))
        // 孩子在学校被欺负，家长很担心他的情绪和睡眠，老师也说上课注意力不集中 in GB18030
        let simplified: [UInt8] = [
            0xBA, 0xA2, 0xD7, 0xD3, 0xD4, 0xDA, 0xD1, 0xA7, 0xD0, 0xA3, 0xB1, 0xBB, 0xC6, 0xDB, 0xB8, 0xBA, 0xA3, 0xAC,
            0xBC, 0xD2, 0xB3, 0xA4, 0xBA, 0xDC, 0xB5, 0xA3, 0xD0, 0xC4, 0xCB, 0xFB, 0xB5, 0xC4, 0xC7, 0xE9, 0xD0, 0xF7,
            0xBA, 0xCD, 0xCB, 0xAF, 0xC3, 0xDF, 0xA3, 0xAC, 0xC0, 0xCF, 0xCA, 0xA6, 0xD2, 0xB2, 0xCB, 0xB5, 0xC9, 0xCF,
            0xBF, 0xCE, 0xD7, 0xA2, 0xD2, 0xE2, 0xC1, 0xA6, 0xB2, 0xBB, 0xBC, 0xAF, 0xD6, 0xD0,
        ]
        // 孩子在學校被欺負，家長很擔心他的情緒和睡眠 in Big5, whose second bytes include ASCII letters
        let traditional: [UInt8] = [
            0xAB, 0xC4, 0xA4, 0x6C, 0xA6, 0x62, 0xBE, 0xC7, 0xAE, 0xD5, 0xB3, 0x51, 0xB4, 0xDB, 0xAD, 0x74, 0xA1, 0x41,
            0xAE, 0x61, 0xAA, 0xF8, 0xAB, 0xDC, 0xBE, 0xE1, 0xA4, 0xDF, 0xA5, 0x4C, 0xAA, 0xBA, 0xB1, 0xA1, 0xBA, 0xFC,
            0xA9, 0x4D, 0xBA, 0xCE, 0xAF, 0x76,
        ]
        func export(rows: Int, answer: [UInt8]) -> [UInt8] {
            // Each answer differs, as free text does.
            Array("id,answer\n".utf8) + (1...rows).flatMap { Array("\($0),".utf8) + answer + Array(" \($0)\n".utf8) }
        }
        // The long export is past the megabyte the detector looks at.
        let cases: [(name: String, bytes: [UInt8], encoding: String)] = [
            ("gbk.csv", gbk, "GB18030"),
            ("big5.csv", export(rows: 40, answer: traditional), "Big5"),
            ("long-gb18030.csv", export(rows: 20_000, answer: simplified), "GB18030"),
        ]
        for (name, bytes, encoding) in cases {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let source = DocumentSource(path: url.path, id: "survey")
            let whole = try DelimitedTextReader().read(bytes, from: source)
            #expect(whole.documents.count > 1, "\(name)")
            #expect(whole.documents.allSatisfy { $0.encoding == encoding }, "\(name)")
            #expect(whole.warnings.first?.description.contains("read as \(encoding), the encoding detected") == true, "\(name)")
            for blockBytes in name.hasPrefix("long") ? [4096, 1 << 20] : [1, 3, 17, 4096] {
                let streamed = try #require(try Self.streamed(url.path, options: IngestionOptions(), blockBytes: blockBytes), "\(name)")
                #expect(streamed.documents == whole.documents, "\(name), blocks of \(blockBytes)")
                #expect(streamed.warnings == whole.warnings.map(\.description), "\(name), blocks of \(blockBytes)")
            }
            #expect(try DocumentLoader().batches(source, batchSize: 10).isStreamed, "\(name)")
        }
        // A NUL byte past the start that is judged as text leaves the whole-file reader to refuse the file.
        let url = folder.appendingPathComponent("late-nul.csv")
        let late = export(rows: 60_000, answer: simplified)
        #expect(late.count > DelimitedTextFile.headBytes)
        try Data(late + [0x00, 0x0A]).write(to: url)
        let source = DocumentSource(path: url.path, id: "late-nul.csv")
        #expect(DelimitedTextReader().stream(source) == nil)
        #expect(throws: IngestionError.self) { try DocumentLoader().batches(source, batchSize: 10) }
    }

    @Test func aFileThatChangesAfterItsCheckIsReportedWhereItBreaks() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("growing.csv")
        let rows = (1...30).map { "\($0),孩子在学校被欺负，心情很低落 \($0)\n" }.joined()
        try Data(("id,answer\n" + rows).utf8).write(to: url)
        // A small sample and small blocks, so rows come in while documents are handed out.
        var stream = try #require(
            DelimitedTextReader(rule: TextColumnRule(sampleRows: 5)).stream(DocumentSource(path: url.path, id: "growing.csv"), blockBytes: 64))
        // Checked whole and closed; then a quote that never closes is added before the rows are read.
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("31,\"never closed\n".utf8))
        try handle.close()
        var read = 0
        do throws(IngestionError) {
            while let batch = try stream.next(limit: 7) { read += batch.count }
            Issue.record("the stream ended without an error")
        } catch {
            #expect(error.partialDiagnostic.description.hasSuffix(
                "growing.csv:32: error: the file changed while it was read: the quoted field opened on line 32 never "
                    + "ends; the documents before it are kept, the rest of the file is skipped"))
        }
        // Thirty rows in batches of seven: the last two arrive before the failure is thrown.
        #expect(read == 30)
    }
}

extension Array {
    fileprivate var nilIfEmpty: Self? { isEmpty ? nil : self }
}
