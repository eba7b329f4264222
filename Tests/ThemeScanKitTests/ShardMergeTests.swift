import Foundation
import Testing

@testable import ThemeScanKit

/// `analyze --shard I/N` then `merge` gives what one run gives, byte for byte; merging the wrong shards fails clearly.
@Suite struct ShardMergeTests {
    /// The repository, whose sample corpus and codebook the tests run on.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// Files every run writes with the default options.
    static let outputs = [
        "codes.csv", "terms.csv", "matches.csv", "documents.csv", "case_codes.csv", "case_themes.csv", "wordcloud.csv",
        "words.csv", "cooccurrence.csv", "codes.json", "words.json", "report.html", "results.xlsx", "wordcloud.svg",
        "words.svg", "compare.csv", "compare_words.csv", "compare.svg", "compare.html",
    ]

    static func analyze(out: URL, lexicon: String = "lexicons/children-mental-health.yaml", extra: [String] = [])
        throws -> EndToEndTests.Run
    {
        try EndToEndTests.run(
            ["analyze", "--manifest", "transcripts/manifest.csv", "--lexicon", lexicon, "--out", out.path] + extra,
            in: repository)
    }

    @Test func threeShardsMergedEqualOneRun() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let single = folder.appendingPathComponent("single")
        #expect(try Self.analyze(out: single, extra: ["--jobs", "2", "--group-by", "year"]).status == 0)
        var shards: [URL] = []
        for index in [2, 3, 1] {
            let shard = folder.appendingPathComponent("shard-\(index)")
            #expect(try Self.analyze(out: shard, extra: ["--shard", "\(index)/3", "--jobs", "2", "--group-by", "year"]).status == 0)
            // partial.json holds no document; partial-documents.bin holds one for each row of documents.csv.
            let partial = try PartialResult.read(folder: shard.path)
            let documents = try Self.readDocuments(in: shard.path)
            #expect(partial.documentCount == documents.count)
            let rows = try EndToEndTests.read(shard.appendingPathComponent("documents.csv")).split(separator: "\r\n")
            #expect(rows.dropFirst().map { String($0.prefix { $0 != "," }) } == documents.map(\.id))
            shards.append(shard)
        }
        let merged = folder.appendingPathComponent("merged")
        let run = try EndToEndTests.run(["merge"] + shards.map(\.path) + ["--out", merged.path], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("merged 3 shard(s): 68 document(s)"))
        let outputs = try FileManager.default.contentsOfDirectory(atPath: single.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged.path).sorted() == outputs)
        #expect(Set(Self.outputs).isSubset(of: outputs))
        for name in outputs where name != RunProvenance.fileName {
            let expected = try Data(contentsOf: single.appendingPathComponent(name))
            let found = try Data(contentsOf: merged.appendingPathComponent(name))
            #expect(found == expected, "\(name) differs")
        }
        // A shard's folder may be replaced by a whole run, which leaves no partial result behind.
        #expect(try Self.analyze(out: shards[0]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: shards[0].appendingPathComponent("partial.json").path))
        #expect(
            !FileManager.default.fileExists(atPath: shards[0].appendingPathComponent(PartialResult.documentsFileName).path))
        // Every shard did part of the work: no shard holds all documents.
        let documents = try EndToEndTests.read(single.appendingPathComponent("documents.csv"))
        for shard in shards.dropFirst() {
            let part = try EndToEndTests.read(shard.appendingPathComponent("documents.csv"))
            #expect(part.count < documents.count)
        }
    }

    /// `merge` holds no shard's file open between blocks: 8 shards (16 files) merge into one run's bytes with 12
    /// descriptors to spare, which they had exceeded when every file stayed open. Job arrays run hundreds of shards, and
    /// 1,024 descriptors is a common limit.
    @Test func manyShardsMergeUnderALowDescriptorLimit() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = [
            "analyze", "--manifest", "transcripts/manifest.csv", "--lexicon", "lexicons/children-mental-health.yaml",
            "--jobs", "1",
        ]
        let single = folder.appendingPathComponent("single")
        let shards = (1...8).map { folder.appendingPathComponent("shard-\($0)") }
        let children = try [ChildRun.start(arguments + ["--out", single.path], in: Self.repository)]
            + shards.indices.map { index in
                try ChildRun.start(arguments + ["--shard", "\(index + 1)/8", "--out", shards[index].path], in: Self.repository)
            }
        for child in children {
            let outcome = child.wait(timeout: 60 * ChildRun.slowdown)
            #expect(outcome.status == 0, "\(outcome)")
        }
        let merged = folder.appendingPathComponent("merged")
        // The child may inherit descriptors of the test process: the limit is 12 above what it holds at the start.
        let run = try ChildRun.run(
            ["merge"] + shards.map(\.path) + ["--out", merged.path], in: folder,
            shell: "ulimit -n $(( $(ls /proc/$$/fd | wc -l) + 12 ))", timeout: 60 * ChildRun.slowdown)
        #expect(run.status == 0, "\(run)")
        #expect(run.standardError.contains("merged 8 shard(s): 68 document(s)"))
        for name in try FileManager.default.contentsOfDirectory(atPath: single.path) where name != RunProvenance.fileName {
            let expected = try Data(contentsOf: single.appendingPathComponent(name))
            #expect(try Data(contentsOf: merged.appendingPathComponent(name)) == expected, "\(name) differs")
        }
    }

    /// Each shard's two files are read a megabyte at a time, less for many shards, never under 64 KB.
    @Test func blocksShrinkWithTheNumberOfShards() {
        #expect([1, 3, 16, 17, 100, 256, 520, 5000].map(MergedRun.readBlockSize) == [
            1 << 20, 1 << 20, 1 << 20, 986_895, 167_772, 65_536, 65_536, 65_536,
        ])
    }

    /// Shards' equal codebook outlines are read into one outline's storage, so that hundreds of shards of a large
    /// codebook hold it once.
    @Test func shardsShareOneOutline() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var folders: [String] = []
        for index in 1...3 {
            let shard = folder.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: shard, withIntermediateDirectories: true)
            try Data(Self.partial(index, of: 3, inputs: [index]).result.encoded().utf8).write(
                to: shard.appendingPathComponent(PartialResult.fileName))
            folders.append(shard.path)
        }
        let results = try PartialResult.read(folders: folders)
        #expect(results.map(\.folder) == folders)
        #expect(results.map(\.result.shard) == [1, 2, 3])
        let storage = results.map { $0.result.outline.terms.withUnsafeBufferPointer { $0.baseAddress } }
        #expect(Set(storage).count == 1)
        #expect(results.allSatisfy { $0.result.outline == Self.partial(1, of: 3, inputs: []).result.outline })

        // An outline that differs keeps its own terms (same codebook name, another term), and the shards are
        // refused as of different codebooks.
        var other = Self.partial(3, of: 3, inputs: [3]).result
        other.outline.terms[0].text = "other term"
        try Data(other.encoded().utf8).write(
            to: URL(fileURLWithPath: folders[2]).appendingPathComponent(PartialResult.fileName))
        let mixed = try PartialResult.read(folders: folders)
        #expect(mixed[2].result.outline.terms.map(\.text) == ["other term"])
        #expect(throws: MergeError.differentCodebooks(folders.map { "\($0): c" })) { try MergedRun.checked(mixed) }
    }

    /// A survey export is read by every shard, each analyzing its parts (64 rows each) of it; the merged run is one
    /// run's bytes, and run.json lists the export once with all its rows and its warnings once.
    @Test func aSurveyExportIsSharedAmongShards() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let answers = ["孩子有点抑郁，睡不着", "老师说校园欺凌少了", "家长参加了亲子活动", "没有", "个案管理很有帮助, \"really\""]
        var csv = "id,year,answer\n"
        for row in 0..<300 {
            // A row without an answer and a row with a cell too many: warnings, which only the shard analyzing the
            // export's first part reports.
            switch row {
            case 150: csv += "150,2024,\n"
            case 200: csv += "200,2023,孩子很孤独,extra\n"
            default: csv += "\(row),\(2021 + row % 3),\"\(answers[row % answers.count]) \(row)\"\n"
            }
        }
        try csv.write(to: corpus.appendingPathComponent("b-survey.csv"), atomically: true, encoding: .utf8)
        for name in ["a-interview.txt", "c-interview.txt"] {
            try "访谈者：孩子最近怎么样？\n受访者：有点焦虑，也有抑郁。\n".write(
                to: corpus.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let lexicon = Self.repository.appendingPathComponent("lexicons/children-mental-health.yaml").path
        func analyze(_ out: String, _ extra: [String] = []) throws -> EndToEndTests.Run {
            try EndToEndTests.run(
                ["analyze", corpus.path, "--lexicon", lexicon, "--text-column", "answer", "--group-by", "year", "--jobs", "2",
                 "--out", folder.appendingPathComponent(out).path] + extra, in: folder)
        }
        #expect(try analyze("single").status == 0)
        var shards: [URL] = []
        for index in 1...3 {
            let run = try analyze("shard-\(index)", ["--shard", "\(index)/3"])
            #expect(run.status == 0, "\(run.standardError)")
            shards.append(folder.appendingPathComponent("shard-\(index)"))
        }
        // The export's 299 answers are 5 parts, of 64 rows but the last; it is the second input, so its parts go to
        // shards 2, 3, 1, 2, 3, and the interviews to shards 1 and 3.
        let rowCounts = try shards.map { shard in
            try EndToEndTests.read(shard.appendingPathComponent("documents.csv")).split(separator: "\r\n").count - 1
        }
        #expect(rowCounts == [1 + 64, 64 + 64, 64 + 43 + 1])
        let merged = folder.appendingPathComponent("merged")
        let run = try EndToEndTests.run(["merge"] + shards.reversed().map(\.path) + ["--out", merged.path], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("merged 3 shard(s): 301 document(s)"))
        let single = folder.appendingPathComponent("single")
        let outputs = try FileManager.default.contentsOfDirectory(atPath: single.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged.path).sorted() == outputs)
        for name in outputs where name != RunProvenance.fileName {
            let expected = try Data(contentsOf: single.appendingPathComponent(name))
            let found = try Data(contentsOf: merged.appendingPathComponent(name))
            #expect(found == expected, "\(name) differs")
        }
        let provenance = try RunProvenance.read(folder: merged.path)
        #expect(provenance.inputs.map(\.documents) == [1, 299, 1])
        #expect(provenance.inputs.map(\.format) == ["txt", "csv", "txt"])
        #expect(provenance.totals.inputs == 3)
        #expect(provenance.totals.documents == 301)
        let singleProvenance = try RunProvenance.read(folder: single.path)
        #expect(provenance.diagnostics.count == 2)
        #expect(provenance.diagnostics == singleProvenance.diagnostics)
        #expect(provenance.totals.warnings == singleProvenance.totals.warnings)
    }

    /// Two shards of 1/2 and 2/2, and a third analyzed with another codebook.
    /// A shard keeps its matches.csv, which `merge` reads, even when `--outputs` leaves CSV out; the merged run
    /// then writes what one run with those outputs writes.
    @Test func shardsWithoutCSVMergeLikeOneRun() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let single = folder.appendingPathComponent("single")
        #expect(try Self.analyze(out: single, extra: ["--outputs", "json"]).status == 0)
        var shards: [URL] = []
        for index in [1, 2] {
            let shard = folder.appendingPathComponent("shard-\(index)")
            #expect(try Self.analyze(out: shard, extra: ["--shard", "\(index)/2", "--outputs", "json"]).status == 0)
            #expect(FileManager.default.fileExists(atPath: shard.appendingPathComponent("matches.csv").path))
            shards.append(shard)
        }
        let merged = folder.appendingPathComponent("merged")
        let run = try EndToEndTests.run(["merge"] + shards.map(\.path) + ["--out", merged.path], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        let outputs = try FileManager.default.contentsOfDirectory(atPath: single.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged.path).sorted() == outputs)
        #expect(!outputs.contains("matches.csv") && outputs.contains("words.json"))
        for name in outputs where name != RunProvenance.fileName {
            let expected = try Data(contentsOf: single.appendingPathComponent(name))
            let found = try Data(contentsOf: merged.appendingPathComponent(name))
            #expect(found == expected, "\(name) differs")
        }
    }

    static func shardsForErrors(in folder: URL) throws -> [URL] {
        var shards: [URL] = []
        for index in 1...2 {
            let shard = folder.appendingPathComponent("of2-\(index)")
            #expect(try analyze(out: shard, extra: ["--shard", "\(index)/2"]).status == 0)
            shards.append(shard)
        }
        let other = folder.appendingPathComponent("of2-2-other-codebook")
        let codebook = folder.appendingPathComponent("other.yaml")
        try FileManager.default.copyItem(
            at: repository.appendingPathComponent("lexicons/children-mental-health.yaml"), to: codebook)
        let handle = try FileHandle(forWritingTo: codebook)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("# another revision\n".utf8))
        try handle.close()
        #expect(try analyze(out: other, lexicon: codebook.path, extra: ["--shard", "2/2"]).status == 0)
        shards.append(other)
        let ofThree = folder.appendingPathComponent("of3-3")
        #expect(try analyze(out: ofThree, extra: ["--shard", "3/3"]).status == 0)
        shards.append(ofThree)
        return shards
    }

    @Test func mergingTheWrongShardsFailsAndSaysWhy() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shards = try Self.shardsForErrors(in: folder)
        let out = folder.appendingPathComponent("merged").path
        func merge(_ chosen: [URL]) throws -> EndToEndTests.Run {
            try EndToEndTests.run(["merge"] + chosen.map(\.path) + ["--out", out], in: folder)
        }

        let missing = try merge([shards[0]])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("missing shard(s) 2/2"))

        let mixed = try merge([shards[0], shards[1], shards[3]])
        #expect(mixed.status != 0)
        #expect(mixed.standardError.contains("different ways"))
        #expect(mixed.standardError.contains("3/3"))

        let codebooks = try merge([shards[0], shards[2]])
        #expect(codebooks.status != 0)
        #expect(codebooks.standardError.contains("different codebooks"))

        let twice = try merge([shards[0], shards[1], shards[1]])
        #expect(twice.status != 0)
        #expect(twice.standardError.contains("shard 2/2 was given more than once"))

        let notShard = try merge([shards[0], folder.appendingPathComponent("other.yaml")])
        #expect(notShard.status != 0)
        #expect(notShard.standardError.contains("holds no partial.json"))
        #expect(!FileManager.default.fileExists(atPath: out))

        #expect(try merge([shards[1], shards[0]]).status == 0)
    }

    /// Survey exports, which every shard reads, are known by name or forced format, never by reading them.
    @Test func surveyExportsAreKnownByNameOrForcedFormat() {
        let loader = DocumentLoader()
        let names = ["a.csv", "b.TSV", "c.xlsx", "d.xls", "e.txt", "f.html", "g.docx", "csv", "h.csv.txt"]
        #expect(names.map { loader.isSurveyExportByName(DocumentSource(path: "/corpus/\($0)", id: $0)) }
            == [true, true, true, true, false, false, false, false, false])
        var forced = IngestionOptions()
        forced.format = .csv
        #expect(DocumentLoader(options: forced).isSurveyExportByName(DocumentSource(path: "/corpus/e.txt", id: "e.txt")))
        forced.format = .text
        #expect(!DocumentLoader(options: forced).isSurveyExportByName(DocumentSource(path: "/corpus/a.csv", id: "a.csv")))
    }

    @Test func shardsSplitByPositionAndRejectBadNumbers() throws {
        let shards = (1...3).map { Shard(index: $0, count: 3)! }
        #expect((0..<9).map { position in shards.firstIndex { $0.includes(position: position) }! } == [0, 1, 2, 0, 1, 2, 0, 1, 2])
        #expect(Shard(parsing: "2/3") == Shard(index: 2, count: 3))
        // The parts of an input every shard reads go round the shards from the one that would take it whole.
        #expect((0..<5).map { part in shards.firstIndex { $0.includes(position: 1, part: part) }! } == [1, 2, 0, 1, 2])
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3"] { #expect(Shard(parsing: bad) == nil) }
    }

    /// A shard of `count` whose documents have the given inputs: each its own case unless `cases` names it, with
    /// `input` matches of the one code, a word and a year.
    static func partial(
        _ index: Int, of count: Int, inputs: [Int], codebook: String = "c", inputCount: Int = 5, groupBy: String? = nil,
        cases: (Int) -> String = { "k\($0)" }
    ) -> (result: PartialResult, documents: [PartialDocument]) {
        let documents = inputs.map { input in
            var document = PartialDocument(
                DocumentAnalysis(
                    summary: DocumentSummary(
                        id: "d\(input)", caseID: cases(input), source: "s", format: .text, encoding: "UTF-8",
                        characters: 1, tokens: 2, metadata: DocumentMetadata(["year": input % 3 == 0 ? "2021" : "2024"])),
                    matches: [],
                    tally: DocumentTally(caseID: cases(input), tokens: 2, characters: 1, codeCount: 1, termCount: 1)),
                input: input)
            document.codes = input == 0 ? [] : [[0, input]]
            document.terms = document.codes
            (document.words, document.wordCounts) = (["孩子", "词\(input % 4)"], [1, input + 1])
            return document
        }
        var options = TableOptions()
        options.groupBy = groupBy
        let result = PartialResult(
            shard: Shard(index: index, count: count)!, inputCount: inputCount, codebook: codebook, settings: "",
            outline: RunCodebook(
                codes: [.init(theme: "t", themeLabels: [:], code: "c", labels: ["en": "label"])],
                terms: [.init(code: 0, text: "term")]),
            options: options, facts: ReportRunFacts(toolVersion: "t", date: "", commandLine: "", codebooks: []),
            documentCount: documents.count)
        return (result, documents)
    }

    /// Merges shards held in memory, as `merge` merges them from their files; what was handed on, in order.
    static func merge(
        _ shards: [(folder: String, partial: (result: PartialResult, documents: [PartialDocument]))],
        setAsideFolder: String? = nil, heldDocuments: Int = 4096, heldCaseBytes: Int = 8 << 20,
        heldFinishedCaseBytes: Int = 4 << 20
    ) throws -> (run: MergedRun, handedOn: [(shard: Int, id: String)]) {
        let ordered = try MergedRun.checked(shards.map { ($0.folder, $0.partial.result) })
        let documents = ordered.map { shard in shards.first { $0.folder == shard.folder }!.partial.documents }
        var next = [Int](repeating: 0, count: documents.count)
        var handedOn: [(shard: Int, id: String)] = []
        let run = try MergedRun(
            shards: ordered, setAsideFolder: setAsideFolder, heldDocuments: heldDocuments, heldCaseBytes: heldCaseBytes,
            heldFinishedCaseBytes: heldFinishedCaseBytes,
            nextDocument: { shard in
                defer { next[shard] += 1 }
                return next[shard] < documents[shard].count ? documents[shard][next[shard]] : nil
            },
            handOn: { handedOn.append(($0, $1.id)) })
        return (run, handedOn)
    }

    @Test func mergedRunOrdersDocumentsByInputAndChecksShards() throws {
        let (merged, handedOn) = try Self.merge([
            ("b", Self.partial(2, of: 2, inputs: [1, 3])), ("a", Self.partial(1, of: 2, inputs: [0, 2, 4])),
        ])
        #expect(merged.documents.map(\.id) == ["d0", "d1", "d2", "d3", "d4"])
        #expect(merged.folders == ["a", "b"])
        #expect(handedOn.map(\.shard) == [0, 1, 0, 1, 0])
        #expect(handedOn.map(\.id) == merged.documents.map(\.id))
        #expect(merged.tally.codeOccurrences == [10])
        #expect(merged.tally.codeDocuments == [4])
        #expect(throws: MergeError.differentCodebooks(["a: c", "b: x"])) {
            try Self.merge([("a", Self.partial(1, of: 2, inputs: [0])), ("b", Self.partial(2, of: 2, inputs: [1], codebook: "x"))])
        }
        // Inputs of the other shard, inputs out of order, and fewer documents than partial.json counts.
        #expect(throws: MergeError.unreadable(folder: "b", reason: "document d1 has input 1, not one of shard 1/2")) {
            try Self.merge([("b", Self.partial(1, of: 2, inputs: [1, 3])), ("a", Self.partial(2, of: 2, inputs: [2]))])
        }
        #expect(throws: MergeError.unreadable(folder: "a", reason: "document d0 has input 0, after a document of input 2")) {
            try Self.merge([("a", Self.partial(1, of: 2, inputs: [2, 0])), ("b", Self.partial(2, of: 2, inputs: [1]))])
        }
        // Words without their counts, or a word twice.
        for (words, counts) in [(["a", "b"], [1]), (["a", "a"], [1, 2])] {
            var bad = Self.partial(2, of: 2, inputs: [1])
            (bad.documents[0].words, bad.documents[0].wordCounts) = (words, counts)
            #expect(
                throws: MergeError.unreadable(folder: "b", reason: "document d1 is not described in a form this version reads")
            ) {
                try Self.merge([("a", Self.partial(1, of: 2, inputs: [0])), ("b", bad)])
            }
        }
        var short = Self.partial(2, of: 2, inputs: [1, 3])
        short.result.documentCount = 3
        #expect(
            throws: MergeError.unreadable(
                folder: "b", reason: "partial-documents.bin holds 2 document(s), partial.json counts 3")
        ) {
            try Self.merge([("a", Self.partial(1, of: 2, inputs: [0])), ("b", short)])
        }
    }

    /// Documents a shard found to be the only ones of their cases are counted as finished cases, and set aside as
    /// such, with the same tables as when every case is kept by name.
    @Test func documentsCompletingTheirCasesMergeAsFinishedCases() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func shards(completing: Bool) -> [(folder: String, partial: (result: PartialResult, documents: [PartialDocument]))] {
            (1...3).map { index in
                var partial = Self.partial(
                    index, of: 3, inputs: Array(stride(from: index - 1, to: 60, by: 3)), inputCount: 60, groupBy: "year")
                for document in partial.documents.indices { partial.documents[document].completesCase = completing }
                return ("s\(index)", partial)
            }
        }
        let byName = try Self.merge(shards(completing: false)).run
        let finished = try Self.merge(
            shards(completing: true), setAsideFolder: folder.path, heldDocuments: 1, heldFinishedCaseBytes: 1
        ).run
        #expect(byName.tally.caseCodeOccurrences.caseCount == 60)
        #expect(finished.tally.completedCases != nil)
        #expect(finished.tally.caseCodeOccurrences.heldFinishedBytes < 60 * 8)
        let expected = try byName.tables.csvFiles()
        let found = try finished.tables.csvFiles()
        #expect(found.map(\.name) == expected.map(\.name))
        for (table, expectedTable) in zip(found, expected) {
            #expect(table.table.rendered() == expectedTable.table.rendered(), "\(table.name) differs")
        }
        #expect(finished.groups!.inOrder.map(\.group.caseCount) == byName.groups!.inOrder.map(\.group.caseCount))
        #expect(
            finished.groups!.inOrder.map { $0.group.tally.codeCases() } == byName.groups!.inOrder.map { $0.group.tally.codeCases() })
    }

    /// The parts of an export every shard read come back in part order, from whichever shard analyzed each; a part
    /// in a shard that does not take it is refused.
    @Test func partsOfASharedInputMergeInPartOrder() throws {
        var first = Self.partial(1, of: 2, inputs: [0, 1])
        first.documents[1].part = 1
        var second = Self.partial(2, of: 2, inputs: [1, 1])
        (second.documents[0].part, second.documents[1].part) = (0, 2)
        (first.documents[1].id, second.documents[0].id, second.documents[1].id) = ("row-b", "row-a", "row-c")
        let (merged, handedOn) = try Self.merge([("a", first), ("b", second)])
        #expect(merged.documents.map(\.id) == ["d0", "row-a", "row-b", "row-c"])
        #expect(handedOn.map(\.shard) == [0, 1, 0, 1])
        var backwards = Self.partial(2, of: 2, inputs: [1, 1])
        (backwards.documents[0].part, backwards.documents[1].part) = (2, 0)
        #expect(
            throws: MergeError.unreadable(
                folder: "b", reason: "document d1 has input 1, part 0, after a document of input 1, part 2")
        ) {
            try Self.merge([("a", Self.partial(1, of: 2, inputs: [0])), ("b", backwards)])
        }
        var wrong = Self.partial(2, of: 2, inputs: [1])
        wrong.documents[0].part = 1
        #expect(throws: MergeError.unreadable(folder: "b", reason: "document d1 has input 1, part 1, not one of shard 2/2")) {
            try Self.merge([("a", Self.partial(1, of: 2, inputs: [0])), ("b", wrong)])
        }
    }

    /// Merging sets documents and cases aside as a single run does, and reads them back as if it had held them.
    @Test func mergedRunSettingDocumentsAndCasesAsideEqualsOneHoldingThem() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 60 inputs over three shards; a case has inputs in every shard.
        let shards = (1...3).map { index in
            ("s\(index)", Self.partial(
                index, of: 3, inputs: Array(stride(from: index - 1, to: 60, by: 3)), inputCount: 60, groupBy: "year",
                cases: { "case \($0 % 7)" }))
        }
        let held = try Self.merge(shards).run
        let setAside = try Self.merge(shards, setAsideFolder: folder.path, heldDocuments: 1, heldCaseBytes: 1).run
        #expect(setAside.tally.caseCodeOccurrences.casesRepeat)
        #expect(held.documents.count == 60)
        let heldFiles = try held.tables.csvFiles()
        let setAsideFiles = try setAside.tables.csvFiles()
        #expect(setAsideFiles.map(\.name) == heldFiles.map(\.name))
        for (found, expected) in zip(setAsideFiles, heldFiles) {
            #expect(found.table.rendered() == expected.table.rendered(), "\(found.name) differs")
        }
        #expect(try held.tables.cases.count == 7)
        let heldGroups = held.groups!.inOrder
        let setAsideGroups = setAside.groups!.inOrder
        #expect(setAsideGroups.map(\.value) == ["2021", "2024"])
        #expect(setAsideGroups.allSatisfy { $0.group.tally.caseCodeOccurrences.casesRepeat })
        #expect(setAsideGroups.map(\.group.caseCount) == heldGroups.map(\.group.caseCount))
        #expect(setAsideGroups.map { $0.group.tally.codeCases() } == heldGroups.map { $0.group.tally.codeCases() })
        #expect(setAsideGroups.map { $0.group.tally.wordCases() } == heldGroups.map { $0.group.tally.wordCases() })
    }

    /// Every document of a shard's `partial-documents.bin`.
    static func readDocuments(in folder: String, blockSize: Int = 1 << 20) throws -> [PartialDocument] {
        var reader = try PartialDocumentReader(folder: folder, blockSize: blockSize)
        var read: [PartialDocument] = []
        while let document = try reader.next() { read.append(document) }
        return read
    }

    /// Documents with every field filled, and with none.
    static func fullDocuments() -> [PartialDocument] {
        var documents = partial(1, of: 1, inputs: [0, 1, 2, 3]).documents
        documents[1].part = 0
        documents[2].part = 7
        documents[2].speakers = [["访谈者", "interviewer"], ["受访者", "respondent"]]
        documents[2].metadata = ["year": "2024", "项目": "A, \"B\"", "": ""]
        documents[2].wordCodes = ["抑郁": [0], "焦虑": [0, 3]]
        documents[2].segmentPairs = [[0, 3, 2], [1, 2, 1]]
        documents[2].roleSegments = ["respondent": 3, "interviewer": 2]
        documents[2].roleTokens = ["respondent": 120, "interviewer": 40]
        documents[2].characters = 1 << 40
        documents[2].completesCase = true
        (documents[3].words, documents[3].wordCounts, documents[3].codes, documents[3].terms) = ([], [], [], [])
        documents[3].id = ""
        return documents
    }

    /// A shard's documents read back as written, whatever the blocks the file is read in; a cut, damaged or
    /// missing file, and another format's partial.json, are refused, naming the folder and the file.
    @Test(arguments: [1, 7, 1 << 20])
    func partialDocumentsReadBackAndBadFilesAreNamed(blockSize: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = Self.fullDocuments()
        let path = folder.appendingPathComponent(PartialResult.documentsFileName).path
        let writer = try PartialDocumentWriter(path: path)
        for document in documents { try writer.append(document) }
        try writer.close()
        #expect(writer.count == 4)
        #expect(try Self.readDocuments(in: folder.path, blockSize: blockSize) == documents)
        let written = try Data(contentsOf: URL(fileURLWithPath: path))

        try written.dropLast(3).write(to: URL(fileURLWithPath: path))
        #expect(
            throws: MergeError.unreadable(
                folder: folder.path, reason: "partial-documents.bin ends inside a document: the shard's run was cut short")
        ) { try Self.readDocuments(in: folder.path, blockSize: blockSize) }
        try Data("{\"documents\": []}\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(
            throws: MergeError.unreadable(folder: folder.path, reason: "partial-documents.bin is not a file of a shard's documents")
        ) { try Self.readDocuments(in: folder.path, blockSize: blockSize) }
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: MergeError.unreadable(folder: folder.path, reason: "partial-documents.bin is missing")) {
            try Self.readDocuments(in: folder.path, blockSize: blockSize)
        }
        // A partial.json of the format that held its documents is refused for its version, not for a missing field.
        try Data(#"{"format": 2, "documents": [], "shard": 1}"#.utf8).write(
            to: folder.appendingPathComponent(PartialResult.fileName))
        #expect(throws: MergeError.unsupportedFormat(folder: folder.path, found: 2)) {
            try PartialResult.read(folder: folder.path)
        }
    }

    /// Damaged records (every byte changed in turn, and every cut) are refused or read as some document: never a
    /// crash, never a hang.
    @Test func damagedRecordsAreRefusedOrRead() {
        var record: [UInt8] = []
        Self.fullDocuments()[2].appendRecord(to: &record)
        #expect(record.withUnsafeBytes { PartialDocument(record: $0) } == Self.fullDocuments()[2])
        var (changedRefused, cutsRefused) = (0, 0)
        for index in record.indices {
            for value: UInt8 in [0x00, 0x7F, 0x80, 0xFF, record[index] ^ 0x01] {
                var damaged = record
                damaged[index] = value
                if damaged.withUnsafeBytes({ PartialDocument(record: $0) }) == nil { changedRefused += 1 }
            }
            if record.prefix(index).withUnsafeBytes({ PartialDocument(record: $0) }) == nil { cutsRefused += 1 }
        }
        // A keyed list with a key twice is refused.
        var twice = Self.partial(1, of: 1, inputs: [0]).documents[0]
        twice.roleSegments = ["p": 1, "q": 2]
        var twiceRecord: [UInt8] = []
        twice.appendRecord(to: &twiceRecord)
        #expect(twiceRecord.withUnsafeBytes { PartialDocument(record: $0) } == twice)
        twiceRecord[twiceRecord.lastIndex(of: UInt8(ascii: "q"))!] = UInt8(ascii: "p")
        #expect(twiceRecord.withUnsafeBytes { PartialDocument(record: $0) } == nil)
        // Every cut is refused, and many changed bytes: a changed letter of a word still reads as another word.
        #expect(cutsRefused == record.count)
        #expect(changedRefused > record.count)
    }
}
