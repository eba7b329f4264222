import Foundation
import Testing

@testable import ThemeScanKit

/// Per-case counts kept sparse read back as the dense rows, totals and coded keys the tables need.
@Suite struct CaseCountTableTests {
    static func table() -> CaseCountTable {
        var table = CaseCountTable()
        table.add(case: "P01", [(key: 2, count: 3), (key: 0, count: 1), (key: 1, count: 0)])
        table.add(case: "P02", [(key: 1, count: 2)])
        table.add(case: "P01", [(key: 2, count: 1), (key: 3, count: 5)])
        // A case with no counts is listed, and reads as zeros.
        table.add(case: "P03", [(key: 0, count: 0)])
        return table
    }

    @Test func casesReadBackAsDenseRowsAndTotals() {
        let table = Self.table()
        #expect(table.counts(ofCase: "P01", width: 4) == [1, 0, 4, 5])
        #expect(table.counts(ofCase: "P02", width: 4) == [0, 2, 0, 0])
        #expect(table.counts(ofCase: "P03", width: 4) == [0, 0, 0, 0])
        #expect(table.total(ofCase: "P01") == 10)
        #expect(table.total(ofCase: "P03") == 0)
        #expect(table.caseCounts(minimum: 2, width: 4) == [0, 1, 1, 1])
    }

    @Test func eachCaseGivesTheKeysThatReachTheMinimum() {
        var seen: [[Int]] = []
        Self.table().forEachCase(keysReaching: 2) { seen.append($0) }
        let sorted = seen.sorted { $0.count > $1.count }
        #expect(sorted == [[2, 3], [1]])
        var atOne: [[Int]] = []
        Self.table().forEachCase(keysReaching: 0) { atOne.append($0) }
        #expect(atOne.map(\.count).sorted() == [1, 3])
    }

    /// Finished cases, kept as records, read back as cases added by name do, and merge with them.
    @Test func finishedCasesCountAsCasesAddedByName() {
        var byName = Self.table()
        var finished = Self.table()
        for table in [0, 1] {
            let counts = [(key: 3, count: 2), (key: 0, count: 7)]
            let name = "问卷.csv#row-12345678901234567"
            if table == 0 { byName.add(case: name, counts) } else { finished.add(finishedCase: name, counts) }
            if table == 0 { byName.add(case: "é", [(key: 1, count: 1)]) } else { finished.add(finishedCase: "é", [(key: 1, count: 1)]) }
        }
        finished.add(finishedCase: "nothing", [(key: 2, count: 0)])
        #expect(finished == byName)
        #expect(finished.byCase == byName.byCase)
        #expect(finished.counts(ofCase: "问卷.csv#row-12345678901234567", width: 4) == [7, 0, 0, 2])
        #expect(finished.total(ofCase: "é") == 1)
        #expect(finished.caseCounts(minimum: 2, width: 4) == byName.caseCounts(minimum: 2, width: 4))
        var finishedKeys: [[Int]] = []
        var namedKeys: [[Int]] = []
        finished.forEachCase(keysReaching: 1) { finishedKeys.append($0) }
        byName.forEachCase(keysReaching: 1) { namedKeys.append($0) }
        #expect(finishedKeys.sorted { $0.lexicographicallyPrecedes($1) } == namedKeys.sorted { $0.lexicographicallyPrecedes($1) })
        var records: [String: Int] = [:]
        finished.forEachCaseInOrder { records[String(decoding: $0.name, as: UTF8.self)] = $0.total }
        // A finished case without counts is kept too, so that it is listed.
        #expect(records["问卷.csv#row-12345678901234567"] == 9 && records["é"] == 1 && records["nothing"] == 0)
        #expect(finished.caseCount == byName.caseCount + 1)
        // Merged, with keys renamed, finished cases stay finished and keep their counts.
        var merged = CaseCountTable()
        merged.merge(finished, keys: [1, 2, 3, 4, 5])
        #expect(merged.counts(ofCase: "问卷.csv#row-12345678901234567", width: 5) == [0, 7, 0, 0, 2])
        #expect(merged.counts(ofCase: "P01", width: 5) == [0, 1, 0, 4, 5])
        #expect(merged.heldFinishedBytes == finished.heldFinishedBytes)
    }

    /// Cases kept by name, set aside in runs as they are counted, a case's counts spread over several runs and what
    /// is held, two workers merged: every reading is that of the table that held them all, a case's counts added up
    /// before they are compared with a minimum.
    @Test(arguments: [1, 3, 10])
    func casesSetAsideByNameReadAsHeldOnes(setAsideEvery: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var held = CaseCountTable()
        var workers = [CaseCountTable(), CaseCountTable()]
        var writers = workers.indices.map { _ in SetAsideWriter(folder: folder.path, prefix: ".themescan-cases") }
        // Two spellings of one name (composed and not) are one case, as Swift compares names.
        let names = (0..<60).map { $0 % 11 == 10 ? ($0 % 2 == 0 ? "Caf\u{E9}" : "Cafe\u{301}") : "项目-\($0 % 13)" }
        for (position, name) in names.enumerated() {
            let counts = [(key: position % 3, count: 1), (key: 3, count: position % 2)]
            held.add(case: name, counts)
            let worker = position % 2
            workers[worker].add(case: name, counts)
            if position % setAsideEvery == setAsideEvery - 1 { try workers[worker].setAsideCases(to: &writers[worker]) }
        }
        for name in ["row-1", "row-2"] {
            held.add(case: name, [(key: 1, count: 2)])
            workers[0].add(finishedCase: name, [(key: 1, count: 2)])
        }
        held.add(case: "nothing", [])
        workers[1].add(case: "nothing", [])
        var table = workers[0]
        table.merge(workers[1])
        #expect(table.casesRepeat && !table.setAside.isEmpty)
        #expect(table.heldCaseBytes < held.heldCaseBytes)
        #expect(table == held)
        #expect(table.caseCount == held.caseCount)
        #expect(!table.isEmpty)
        for minimum in 1...4 {
            #expect(table.caseCounts(minimum: minimum, width: 4) == held.caseCounts(minimum: minimum, width: 4))
            var keys: [[[Int]]] = [[], []]
            table.forEachCase(keysReaching: minimum) { keys[0].append($0) }
            held.forEachCase(keysReaching: minimum) { keys[1].append($0) }
            #expect(keys[0].sorted { $0.lexicographicallyPrecedes($1) } == keys[1].sorted { $0.lexicographicallyPrecedes($1) })
        }
        #expect(table.counts(ofCase: "项目-5", width: 4) == held.counts(ofCase: "项目-5", width: 4))
        #expect(table.total(ofCase: "Caf\u{E9}") == held.total(ofCase: "Caf\u{E9}"))
        let list = try CaseList(table: table)
        let heldList = try CaseList(table: held)
        #expect(list.isSetAside && !heldList.isSetAside)
        #expect(Array(list) == Array(heldList))
        for position in list.indices {
            #expect(list.codeCounts(at: position, width: 4) == heldList.codeCounts(at: position, width: 4), "\(list[position])")
        }
    }
}
