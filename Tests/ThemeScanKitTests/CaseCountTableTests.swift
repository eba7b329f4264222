import Testing

@testable import ThemeScanKit

/// Per-case counts kept sparse read back as the dense rows, totals and coded keys the tables need.
@Suite struct CaseCountTableTests {
    static func table() -> CaseCountTable {
        var table = CaseCountTable()
        table.add(case: "P01", [(key: 2, count: 3), (key: 0, count: 1), (key: 1, count: 0)])
        table.add(case: "P02", [(key: 1, count: 2)])
        table.add(case: "P01", [(key: 2, count: 1), (key: 3, count: 5)])
        // A case with no counts is not kept, and reads as zeros.
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
}
