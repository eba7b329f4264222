import Foundation
import Testing

@testable import ThemeScanKit

/// Every table export (CSV, and the JSON mirror of `codes.csv`) on a small mixed Simplified/Traditional/English
/// sample, against committed golden files.
///
/// Re-record on purpose only: `THEMESCAN_RECORD_GOLDEN=1 swift test --filter GoldenFileTests`, then review the diff.
@Suite struct GoldenFileTests {
    static let recording = ProcessInfo.processInfo.environment["THEMESCAN_RECORD_GOLDEN"] == "1"
    static let outputNames = [
        "codes.csv", "terms.csv", "matches.csv", "documents.csv", "case_codes.csv", "case_themes.csv", "wordcloud.csv",
        "words.csv", "cooccurrence.csv", "codes.json",
    ]

    /// The shipped stopword lists, as the binary finds them.
    static func stopwords() throws -> StopwordList {
        let normalizer = try TextNormalizer(options: NormalizationOptions())
        return try ["stopwords-zh.txt", "stopwords-en.txt"].reduce(StopwordList()) { list, name in
            list.merging(try StopwordList.load(path: TestSupport.repository.appendingPathComponent("lexicons/\(name)").path, normalizer: normalizer))
        }
    }

    /// The sample analyzed as `themescan analyze sample --lexicon codebook.yaml` run inside Fixtures would.
    static func sampleResult(codebook: String = "codebook.yaml", jobs: Int = 2) async throws -> AnalysisResult {
        let (book, _) = try CodebookLoader(classifier: TestSupport.classifier)
            .load(path: TestSupport.fixtures.appendingPathComponent(codebook).path)
        let matcher = try Matcher(codebook: book, normalization: NormalizationOptions(), classifier: TestSupport.classifier)
        let folder = TestSupport.fixtures.appendingPathComponent("sample")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // As Fixtures/manifest.csv says: the two Chinese interviews are one program's, the English one another's.
        let cases = ["p01-zh.txt": "P1", "p02-hk.txt": "P1", "p03-en.md": "P2"]
        let organizations = ["P1": "Sunflower Centre", "P2": "Harbor Lights"]
        let sources = names.map { name in
            DocumentSource(
                path: folder.appendingPathComponent(name).path, id: "sample/" + name, caseID: cases[name],
                metadata: ["organization": organizations[cases[name]!]!])
        }
        var result = try await CorpusAnalyzer(
            matcher: matcher, jobs: jobs, wordList: WordListSettings(stopwords: try stopwords())
        ).analyze(sources)
        result.documents = DocumentSummaries(
            result.documents.map { document in
                var renamed = document
                renamed.source = document.id
                return renamed
            })
        return result
    }

    static func outputs(of result: AnalysisResult) throws -> [String: String] {
        var files = Dictionary(uniqueKeysWithValues: try result.outputFiles().map { ($0.name, $0.contents) })
        files["codes.json"] = result.tables().codesTable().json()
        return files
    }

    @Test(arguments: outputNames)
    func exportMatchesGoldenFile(name: String) async throws {
        let produced = try #require(try Self.outputs(of: try await Self.sampleResult())[name])
        let golden = TestSupport.fixtures.appendingPathComponent("golden").appendingPathComponent(name)
        if Self.recording {
            try Data(produced.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(produced == expected, "\(name) differs from Fixtures/golden/\(name)")
    }

    @Test func oneWorkerAndManyWorkersWriteTheSameBytes() async throws {
        let one = try Self.outputs(of: try await Self.sampleResult(jobs: 1))
        let many = try Self.outputs(of: try await Self.sampleResult(jobs: 4))
        #expect(one == many)
    }

    @Test func csvCodebookGivesTheSameCounts() async throws {
        let fromYAML = try await Self.sampleResult()
        let fromCSV = try await Self.sampleResult(codebook: "codebook.csv")
        #expect(fromYAML.tally == fromCSV.tally)
        #expect(fromYAML.matchesTable() == fromCSV.matchesTable())
    }

    /// Counts checked by reading the sample by hand, so the golden files are not merely self-consistent.
    @Test func handCountedFiguresHold() async throws {
        let result = try await Self.sampleResult()
        func occurrences(_ id: String) -> Int {
            result.tally.codeOccurrences[result.codes.firstIndex { $0.code.id == id }!]
        }
        // p01: 抑郁症, 抑郁(情绪); p02: 抑鬱; p03: depressed, Depression (the Great Depression is excluded).
        #expect(occurrences("depression") == 5)
        // p01: 霸凌; p02: 欺凌; p03: Bullying, bullied (cyberbullying is another word).
        #expect(occurrences("bullying") == 4)
        // p01: 预防 once (预防针 is excluded); p03: Prevention, preventing.
        #expect(occurrences("prevention") == 3)
        // p01 and p02 心理健康教育, p03 mental health education; p01 心理健康 once on its own.
        #expect(occurrences("mh-education") == 3)
        #expect(occurrences("mental-health") == 1)
        // 亲子关系 (p01) and 親子關係 (p02) credit both codes, the two English phrases (p03) only parent-child;
        // 家庭 (p01) only family.
        #expect(occurrences("parent-child") == 4)
        #expect(occurrences("family") == 3)
        #expect(occurrences("sel") == 2)
        #expect(occurrences("case-management") == 3)
        #expect(occurrences("trauma") == 2)
    }
}
