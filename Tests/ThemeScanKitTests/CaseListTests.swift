import Foundation
import Testing

@testable import ThemeScanKit

/// The run's cases in the order of their names, each with its code counts, whether they were finished when counted
/// (held, or set aside in runs) or kept by name.
@Suite struct CaseListTests {
    /// A table of finished cases (each its case's only document) and of cases with several documents, some with no
    /// match at all, as two workers would count them; each worker sets its finished cases aside after every
    /// `setAsideEvery` of them, and the two tables are merged.
    static func table(
        finished: [String], shared: [String], setAsideEvery: Int?, folder: String
    ) throws -> (CaseCountTable, [String: [Int]]) {
        var workers = [CaseCountTable(), CaseCountTable()]
        var writers = workers.indices.map { _ in SetAsideWriter(folder: folder, prefix: ".themescan-cases") }
        var expected: [String: [Int]] = [:]
        for (position, name) in finished.enumerated() {
            let counts = position % 3 == 2 ? [0, 0] : [position % 4, position % 5 + 1]
            let worker = position % 2
            workers[worker].add(finishedCase: name, counts.enumerated().map { (key: $0.offset, count: $0.element) })
            expected[name] = counts
            if let setAsideEvery, position % setAsideEvery == setAsideEvery - 1 {
                try workers[worker].setAsideFinished(to: &writers[worker])
            }
        }
        for (position, name) in shared.enumerated() {
            for part in 0..<2 {
                let counts = position % 2 == 0 ? [0, 0] : [1, part]
                workers[part].add(case: name, counts.enumerated().map { (key: $0.offset, count: $0.element) })
                expected[name, default: [0, 0]] = zip(expected[name, default: [0, 0]], counts).map(+)
            }
        }
        var table = workers[0]
        table.merge(workers[1])
        return (table, expected)
    }

    static let finished = (1...120).map { "问卷.csv#row-\($0)" } + ["a", "ab", "b", "", "Zed", "早"]
    /// Names that sort among the finished ones (a case is never both).
    static let shared = ["项目A", "问卷.csv#row-100 ", "a ", "问卷.csv#row-5x", "aa"]

    @Test(arguments: [nil, 1, 7, 50])
    func casesAreInNameOrderWithTheirCounts(setAsideEvery: Int?) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (table, expected) = try Self.table(
            finished: Self.finished, shared: Self.shared, setAsideEvery: setAsideEvery, folder: folder.path)
        #expect(table.setAside.isEmpty == (setAsideEvery == nil))
        #expect(table.caseCount == expected.count)
        let list = try CaseList(table: table)
        #expect(list.isSetAside == (setAsideEvery != nil))
        #expect(Array(list) == expected.keys.sorted())
        for (position, name) in list.enumerated() {
            #expect(list.codeCounts(at: position, width: 2) == expected[name], "\(name)")
            #expect(list.totalCodeCount(at: position) == expected[name]!.reduce(0, +), "\(name)")
        }
        // Read again backwards, as a reader far from the others would.
        for position in list.indices.reversed() where position % 5 == 0 {
            #expect(list.codeCounts(at: position, width: 2) == expected[list[position]])
        }
        // Nothing of the run's is left in the folder: its files were removed as soon as they were made.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A name not in NFC may order otherwise by its bytes: it is compared as Swift compares names.
    @Test(arguments: [true, false], [nil, 1])
    func namesNotInNFCAreListedInSwiftsOrder(finishedName: Bool, setAsideEvery: Int?) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let decomposed = "Cafe\u{301} 2"
        let composed = "Caf\u{E9} 1"
        let (table, expected) = try Self.table(
            finished: Self.finished + (finishedName ? [decomposed] : []) + [composed],
            shared: Self.shared + (finishedName ? [] : [decomposed]), setAsideEvery: setAsideEvery, folder: folder.path)
        let list = try CaseList(table: table)
        #expect(Array(list) == expected.keys.sorted())
        // By bytes the decomposed name would come before the composed one.
        #expect(list.firstIndex(of: composed)! < list.firstIndex(of: decomposed)!)
        for (position, name) in list.enumerated() {
            #expect(list.codeCounts(at: position, width: 2) == expected[name], "\(name)")
        }
    }

    /// The table's other readings of finished cases find those set aside as those held.
    @Test func setAsideCasesCountAsHeldOnes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (held, _) = try Self.table(finished: Self.finished, shared: Self.shared, setAsideEvery: nil, folder: folder.path)
        let (setAside, _) = try Self.table(finished: Self.finished, shared: Self.shared, setAsideEvery: 3, folder: folder.path)
        #expect(setAside.heldFinishedBytes < held.heldFinishedBytes)
        #expect(setAside == held)
        #expect(setAside.caseCounts(minimum: 2, width: 2) == held.caseCounts(minimum: 2, width: 2))
        #expect(setAside.counts(ofCase: "问卷.csv#row-7", width: 2) == held.counts(ofCase: "问卷.csv#row-7", width: 2))
        var keys: [[[Int]]] = [[], []]
        held.forEachCase(keysReaching: 1) { keys[0].append($0) }
        setAside.forEachCase(keysReaching: 1) { keys[1].append($0) }
        #expect(keys[0].sorted { $0.lexicographicallyPrecedes($1) } == keys[1].sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func aFolderThatCannotTakeTheRunIsNamed() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("gone").path
        var table = CaseCountTable()
        table.add(finishedCase: "row-1", [(key: 0, count: 1)])
        var writer = SetAsideWriter(folder: missing, prefix: ".themescan-cases")
        #expect {
            try table.setAsideFinished(to: &writer)
        } throws: { error in
            guard case TextError.setAsideUnwritten(let path, let reason) = error else { return false }
            return path.hasPrefix(missing + "/") && reason.contains("No such file")
        }
    }

    /// A run whose cases, finished or (with a case column naming each row) kept by name, cannot be set aside
    /// fails, naming the folder, instead of holding them.
    @Test(arguments: [nil, "id"])
    func aRunWhoseCasesCannotBeSetAsideFails(caseColumn: String?) async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = "id,answer\n" + (0..<40).map { "\($0),孩子最近有点抑郁，老师也这样说\n" }.joined()
        try csv.write(to: folder.appendingPathComponent("survey.csv"), atomically: true, encoding: .utf8)
        let matcher = try TestSupport.matcher(codes: [("depression", ["抑郁"], [])])
        var analyzer = CorpusAnalyzer(
            matcher: matcher,
            loader: DocumentLoader(options: IngestionOptions(textColumns: ["answer"], caseColumn: caseColumn)), jobs: 2,
            wordList: WordListSettings())
        analyzer.caseMinimum = 1
        analyzer.heldFinishedCaseBytes = caseColumn == nil ? 1 : 4 << 20
        analyzer.heldCaseBytes = caseColumn == nil ? 8 << 20 : 1
        analyzer.partDocuments = 4
        analyzer.spillFolder = folder.appendingPathComponent("gone").path
        let sources = [DocumentSource(path: folder.appendingPathComponent("survey.csv").path, id: "survey.csv")]
        await #expect {
            _ = try await analyzer.analyze(sources)
        } throws: { error in
            guard case TextError.setAsideUnwritten(let path, _) = error else { return false }
            return path.hasPrefix(folder.appendingPathComponent("gone").path + "/")
        }
        // Held, the same cases are counted.
        analyzer.spillFolder = folder.path
        analyzer.heldFinishedCaseBytes = 4 << 20
        analyzer.heldCaseBytes = 8 << 20
        let result = try await analyzer.analyze(sources)
        #expect(result.tally.caseCodeOccurrences.caseCount == 40 && result.tally.caseCodeOccurrences.setAside.isEmpty)
    }
}
