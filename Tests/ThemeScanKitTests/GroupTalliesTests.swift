import Foundation
import Testing

@testable import ThemeScanKit

/// A group counts its documents and its distinct cases, and tallies their counts, without keeping the documents.
@Suite struct GroupTalliesTests {
    static func summary(_ id: String, caseID: String, year: String) -> DocumentSummary {
        DocumentSummary(
            id: id, caseID: caseID, source: "\(id).txt", format: .text, encoding: "UTF-8", characters: 10, tokens: 4,
            speakers: [], segments: 1, metadata: ["year": year])
    }

    @Test func groupsCountDocumentsAndDistinctCases() throws {
        var groups = GroupTallies(variable: "year", codeCount: 2, termCount: 2)
        var tally = DocumentTally(caseID: "P01", tokens: 4, characters: 10, codeCount: 2, termCount: 2)
        tally.codeOccurrences = [3, 0]
        for (id, caseID, year) in [("a", "P01", "2024"), ("b", "P01", "2024"), ("c", "P02", "2024"), ("d", "P01", "2021"), ("e", "P03", " ")] {
            tally.caseID = caseID
            try groups.add(Self.summary(id, caseID: caseID, year: year), tally: tally)
        }
        #expect(groups.values == ["2021", "2024"])
        #expect(groups.inOrder.map(\.group.documents) == [1, 3])
        #expect(groups.inOrder.map(\.group.caseCount) == [1, 2])
        #expect(groups.inOrder.map(\.group.tally.codeOccurrences) == [[3, 0], [9, 0]])
        #expect(groups.documentsWithoutValue == ["e"])
    }

    /// A document that is its case's only one adds a case without its name or its counts being kept; the tallies
    /// are those of cases kept by name.
    @Test func finishedCasesAreCountedWithoutTheirNames() throws {
        var named = GroupTallies(variable: "year", codeCount: 2, termCount: 2)
        var finished = GroupTallies(variable: "year", codeCount: 2, termCount: 2)
        for (id, caseID, year) in [("a", "P01", "2024"), ("b", "P01", "2024"), ("c", "row-3", "2024"), ("d", "row-4", "2024")] {
            var tally = DocumentTally(caseID: caseID, tokens: 4, characters: 10, codeCount: 2, termCount: 2)
            tally.codeOccurrences = [1, caseID == "row-3" ? 2 : 0]
            try named.add(Self.summary(id, caseID: caseID, year: year), tally: tally)
            try finished.add(
                Self.summary(id, caseID: caseID, year: year), tally: tally,
                completingCaseAt: caseID.hasPrefix("row") ? 1 : nil)
        }
        #expect(named.inOrder.map(\.group.caseCount) == [3])
        #expect(finished.inOrder.map(\.group.caseCount) == [3])
        #expect(finished.inOrder.map { $0.group.tally.codeCases(minimum: 1) } == named.inOrder.map { $0.group.tally.codeCases() })
        // The finished cases' code counts were counted, not kept: the group's case table holds P01 only.
        #expect(finished.inOrder.map(\.group.tally.caseCodeOccurrences.caseCount) == [1])
        #expect(finished.inOrder.map { $0.group.tally.completedCases?.codes } == [[2, 1]])
    }

    /// Groups that set aside the cases they keep by name, as a case column naming every row makes them, count the
    /// same cases, coded cases and code pairs as groups that hold them.
    @Test func groupsSettingTheirCasesAsideCountAsHoldingOnes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var held = GroupTallies(variable: "year", codeCount: 3, termCount: 3)
        var setAside = GroupTallies(variable: "year", codeCount: 3, termCount: 3, setAsideFolder: folder.path)
        setAside.heldCaseBytes = 1
        for row in 0..<30 {
            let caseID = "R\(row % 9)"
            var tally = DocumentTally(caseID: caseID, tokens: 4, characters: 10, codeCount: 3, termCount: 3)
            tally.codeOccurrences = [1, row % 2, row % 3 == 0 ? 1 : 0]
            tally.termOccurrences = tally.codeOccurrences
            tally.words = ["孩子": 1, "老师\(row % 2)": 1]
            let summary = Self.summary("d\(row)", caseID: caseID, year: row % 4 == 0 ? "2021" : "2024")
            try held.add(summary, tally: tally)
            try setAside.add(summary, tally: tally)
        }
        #expect(setAside.inOrder.allSatisfy { $0.group.tally.caseCodeOccurrences.casesRepeat })
        #expect(setAside.inOrder.map(\.group.caseCount) == held.inOrder.map(\.group.caseCount))
        #expect(held.inOrder.map(\.group.caseCount) == [8, 9])
        for minimum in 1...3 {
            #expect(setAside.inOrder.map { $0.group.tally.codeCases(minimum: minimum) } == held.inOrder.map { $0.group.tally.codeCases(minimum: minimum) })
            #expect(setAside.inOrder.map { $0.group.tally.termCases(minimum: minimum) } == held.inOrder.map { $0.group.tally.termCases(minimum: minimum) })
            #expect(setAside.inOrder.map { $0.group.tally.wordCases(minimum: minimum) } == held.inOrder.map { $0.group.tally.wordCases(minimum: minimum) })
            #expect(setAside.inOrder.map { $0.group.tally.caseCodePairs(minimum: minimum) } == held.inOrder.map { $0.group.tally.caseCodePairs(minimum: minimum) })
        }
    }
}
