import Foundation
import Testing

@testable import ThemeScanKit

/// Long segments are analyzed in chunks; the outcome must not show it.
@Suite struct ChunkingTests {
    static let codes: [(id: String, terms: [String], exclude: [String])] = [
        ("d", ["抑郁", "depress*"], ["不抑郁"]),
        ("p", ["parent-child relationship", "亲子关系"], []),
        ("r", ["𠀀𠀁"], []),
        ("q", ["what?"], []),
    ]

    /// Sentences that start and end with terms, of every length, so that some term sits right at every cut.
    static func text(sentences: Int) -> String {
        let fillers = ["", "他说", "我们上课", "情绪低落，", "𠀀𠀁很少见", "parent\nchild relationship ", "不抑郁也"]
        var text = ""
        for index in 0..<sentences {
            let ending = ["。", "！", "？", "；", "! ", "？\n"][index % 6]
            // At most 44 units a sentence; with ？ ruled out as a cut (a term has ?), at most about 130 units
            // between cuts, so every chunk of 260 or more has a cut in its second half.
            text += "抑郁" + String(repeating: fillers[index % fillers.count], count: index % 2) + "亲子关系" + ending
            if index % 5 == 0 { text += "I was depressed, parent-child relationship" + ending }
            if index % 7 == 0 { text += "😀é" + "\u{301}" + "𠀀𠀁" + ending }
        }
        return text
    }

    static func document(_ text: String) -> Document {
        Document(
            id: "doc", caseID: "c", source: "doc.txt", format: .text, encoding: "UTF-8", text: "前言\n" + text,
            segments: [Segment(speaker: "A", text: text, start: 3)])
    }

    static func analyzer(_ matcher: Matcher, chunkLength: Int, rows: Bool = false) throws -> DocumentAnalyzer {
        try DocumentAnalyzer(
            matcher: matcher, contextLength: 20, speakers: .all,
            rowRenderer: rows ? MatchRowRenderer(codes: matcher.codes, terms: matcher.terms) : nil,
            chunkLength: chunkLength)
    }

    @Test(arguments: [260, 301, 333, 512])
    func chunkedMatchesAndTokensEqualTheUncutOnes(chunkLength: Int) throws {
        let matcher = try TestSupport.matcher(codes: Self.codes)
        let document = Self.document(Self.text(sentences: 60))
        let whole = try Self.analyzer(matcher, chunkLength: .max).analyze(document, index: 0)
        let chunked = try Self.analyzer(matcher, chunkLength: chunkLength).analyze(document, index: 0)
        #expect(whole.matches.count > 100)
        #expect(chunked.matches == whole.matches)
        #expect(chunked.tally == whole.tally)
        #expect(chunked.summary == whole.summary)
        // Offsets are exact: each surface is the document text at its offsets.
        let scalars = Array(document.text.unicodeScalars)
        for match in chunked.matches {
            #expect(String(String.UnicodeScalarView(scalars[match.start..<match.end])) == match.surface)
        }
    }

    @Test func chunksAreNotCutAfterCharactersATermContains() throws {
        let analyzer = try Self.analyzer(TestSupport.matcher(codes: Self.codes), chunkLength: 100)
        #expect(analyzer.cutAfter.contains(0x3002))  // 。
        #expect(!analyzer.cutAfter.contains(0x3F))  // ? is in "what?"
        #expect(!analyzer.cutAfter.contains(0xFF1F))  // ？ normalizes to ?
    }

    @Test func theChunkerCutsOnlyAfterSentenceEndsAndCoversTheText() throws {
        let text = Self.text(sentences: 60)
        var chunker = TextChunker(text, chunkLength: 100, contextScalars: 20, cutAfter: Array("。！？；".utf16))
        var cores: [UInt16] = []
        var chunks = 0
        while let chunk = chunker.next() {
            chunks += 1
            cores += chunk.units[chunk.core]
            let scalarsBefore = String(decoding: cores[..<(cores.count - chunk.core.count)], as: UTF16.self)
                .unicodeScalars.count
            let prefix = String(decoding: chunk.units[..<chunk.core.lowerBound], as: UTF16.self).unicodeScalars.count
            #expect(chunk.scalarBase + prefix == scalarsBefore)
            if chunk.core.upperBound < chunk.units.count {
                #expect("。！？；".utf16.contains(chunk.units[chunk.core.upperBound - 1]))
            }
        }
        #expect(chunks > 10)
        #expect(cores == Array(text.utf16))
    }

    /// With terms that credit one code, whose rows are rendered in place, and terms shared by two codes, whose
    /// repeated fields are rendered aside once.
    @Test(arguments: [false, true]) func renderedRowsAreTheBytesOfTheMatchRecords(sharedTerms: Bool) throws {
        let matcher = try TestSupport.matcher(codes: Self.codes + (sharedTerms ? [("s", ["抑郁", "亲子关系"], [])] : []))
        let document = Self.document(Self.text(sentences: 40) + "抑郁, \"quoted\" depressed\r\nparent\r\nchild relationship")
        for chunkLength in [50, Int.max] {
            let records = try Self.analyzer(matcher, chunkLength: chunkLength).analyze(document, index: 0)
            #expect(records.matches.contains { $0.credits.count == 2 } == sharedTerms)
            let rows = try Self.analyzer(matcher, chunkLength: chunkLength, rows: true).analyze(document, index: 0)
            #expect(rows.matches.isEmpty)
            #expect(rows.tally == records.tally)
            var table = CSVTable(header: [])
            for match in records.matches {
                table.rows += AnalysisResult.matchRows(
                    match, in: records.summary, codes: matcher.codes, terms: matcher.terms)
            }
            let expected = String(table.rendered().dropFirst())  // the empty header is one CRLF character
            let rendered = String(decoding: rows.matchRows, as: UTF8.self)
            let difference = zip(rendered.split(separator: "\r\n"), expected.split(separator: "\r\n")).first { $0 != $1 }
            #expect(difference == nil)
            #expect(rendered == expected)
        }
    }

    @Test func decimalsAreWrittenAsStringWritesThem() {
        var values = [0, 1, 9, 10, 99, 100, 12_345, Int(Int32.max), Int.max, -1, -10, Int.min + 1]
        values += (0..<19).map { power in (0..<power).reduce(1) { product, _ in product * 10 } - 1 }
        for value in values {
            var bytes: [UInt8] = [0x2C]
            MatchRowRenderer.appendDecimal(value, to: &bytes)
            #expect(bytes == [0x2C] + Array(String(value).utf8))
        }
    }

    @Test func rowsBeyondTheSpillSizeAreSetAsideInOrder() throws {
        let matcher = try TestSupport.matcher(codes: Self.codes)
        let document = Self.document(Self.text(sentences: 60))
        let renderer = MatchRowRenderer(codes: matcher.codes, terms: matcher.terms)
        let kept = try DocumentAnalyzer(
            matcher: matcher, contextLength: 20, speakers: .all, rowRenderer: renderer, chunkLength: 300
        ).analyze(document, index: 0)
        let spilling = try DocumentAnalyzer(
            matcher: matcher, contextLength: 20, speakers: .all, rowRenderer: renderer, chunkLength: 300,
            rowSpillBytes: 1000
        ).analyze(document, index: 0)
        #expect(kept.spilledMatchRows == nil)
        let path = try #require(spilling.spilledMatchRows)
        #expect(spilling.matchRows.count < 1000)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("matches.csv").path
        let writer = try CSVStreamWriter(path: output, header: ["h"])
        try writer.append(movingRowsFrom: path)
        try writer.append(rendered: spilling.matchRows)
        try writer.close()
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: output))) == Array("h\r\n".utf8) + kept.matchRows)
    }

    /// Set-aside rows quote interview text: they go to the folder the caller names, readable by the owner only.
    @Test func setAsideRowsGoToTheNamedFolderPrivately() throws {
        let matcher = try TestSupport.matcher(codes: Self.codes)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let analyzer = try DocumentAnalyzer(
            matcher: matcher, contextLength: 20, speakers: .all,
            rowRenderer: MatchRowRenderer(codes: matcher.codes, terms: matcher.terms), chunkLength: 300,
            rowSpillBytes: 1000)
        analyzer.spillFolder = folder.path
        let analysis = try analyzer.analyze(Self.document(Self.text(sentences: 60)), index: 0)
        let path = try #require(analysis.spilledMatchRows)
        #expect(path.hasPrefix(folder.path + "/") && !path.dropFirst(folder.path.count + 1).contains("/"))
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test func aRunWithoutSafeCutsIsCutHardAndKeepsExactOffsets() throws {
        let matcher = try TestSupport.matcher(codes: Self.codes)
        let run = String(repeating: "我们上课亲子关系情绪低落抑郁", count: 40)
        let document = Self.document(run)
        let whole = try Self.analyzer(matcher, chunkLength: .max).analyze(document, index: 0)
        let chunked = try Self.analyzer(matcher, chunkLength: 64).analyze(document, index: 0)
        // A match that crosses a hard cut may be lost; every match found is one the uncut text has.
        #expect(chunked.matches.count >= whole.matches.count - run.utf16.count / 32)
        #expect(Set(chunked.matches).isSubset(of: Set(whole.matches)))
    }
}
