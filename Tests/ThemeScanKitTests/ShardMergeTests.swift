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
            #expect(FileManager.default.fileExists(atPath: shard.appendingPathComponent("partial.json").path))
            shards.append(shard)
        }
        let merged = folder.appendingPathComponent("merged")
        let run = try EndToEndTests.run(["merge"] + shards.map(\.path) + ["--out", merged.path], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("merged 3 shard(s)"))
        let outputs = try FileManager.default.contentsOfDirectory(atPath: single.path).sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: merged.path).sorted() == outputs)
        #expect(Set(Self.outputs).isSubset(of: outputs))
        for name in outputs where name != RunProvenance.fileName {
            let expected = try Data(contentsOf: single.appendingPathComponent(name))
            let found = try Data(contentsOf: merged.appendingPathComponent(name))
            #expect(found == expected, "\(name) differs")
        }
        // A shard's folder may be replaced by a whole run, which leaves no partial.json behind.
        #expect(try Self.analyze(out: shards[0]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: shards[0].appendingPathComponent("partial.json").path))
        // Every shard did part of the work: no shard holds all documents.
        let documents = try EndToEndTests.read(single.appendingPathComponent("documents.csv"))
        for shard in shards.dropFirst() {
            let part = try EndToEndTests.read(shard.appendingPathComponent("documents.csv"))
            #expect(part.count < documents.count)
        }
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

    @Test func shardsSplitByPositionAndRejectBadNumbers() throws {
        let shards = (1...3).map { Shard(index: $0, count: 3)! }
        #expect((0..<9).map { position in shards.firstIndex { $0.includes(position: position) }! } == [0, 1, 2, 0, 1, 2, 0, 1, 2])
        #expect(Shard(parsing: "2/3") == Shard(index: 2, count: 3))
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3"] { #expect(Shard(parsing: bad) == nil) }
    }

    @Test func mergedRunOrdersDocumentsByInputAndChecksShards() throws {
        func partial(_ index: Int, of count: Int, inputs: [Int], codebook: String = "c") -> PartialResult {
            let documents = inputs.map { input in
                var document = PartialDocument(
                    DocumentAnalysis(
                        summary: DocumentSummary(
                            id: "d\(input)", caseID: "k", source: "s", format: .text, encoding: "UTF-8", characters: 1,
                            tokens: 2),
                        matches: [],
                        tally: DocumentTally(caseID: "k", tokens: 2, characters: 1, codeCount: 1, termCount: 1)),
                    input: input)
                document.codes = [[0, input]]
                document.terms = [[0, input]]
                return document
            }
            return PartialResult(
                shard: Shard(index: index, count: count)!, inputCount: 5, codebook: codebook, settings: "",
                outline: RunCodebook(
                    codes: [.init(theme: "t", themeLabels: [:], code: "c", labels: ["en": "label"])],
                    terms: [.init(code: 0, text: "term")]),
                options: TableOptions(), facts: ReportRunFacts(toolVersion: "t", date: "", commandLine: "", codebooks: []),
                documents: documents)
        }
        let merged = try MergedRun([("b", partial(2, of: 2, inputs: [1, 3])), ("a", partial(1, of: 2, inputs: [0, 2, 4]))])
        #expect(merged.documents.map(\.id) == ["d0", "d1", "d2", "d3", "d4"])
        #expect(merged.folders == ["a", "b"])
        #expect(merged.sources.map(\.shard) == [0, 1, 0, 1, 0])
        #expect(merged.sources.map(\.rows) == [0, 1, 2, 3, 4])
        #expect(merged.tally.codeOccurrences == [10])
        #expect(merged.tally.codeDocuments == [4])
        #expect(throws: MergeError.differentCodebooks(["a: c", "b: x"])) {
            try MergedRun([("a", partial(1, of: 2, inputs: [0])), ("b", partial(2, of: 2, inputs: [1], codebook: "x"))])
        }
        #expect(throws: MergeError.self) {
            try MergedRun([("a", partial(1, of: 2, inputs: [1])), ("b", partial(2, of: 2, inputs: [3]))])
        }
    }
}
