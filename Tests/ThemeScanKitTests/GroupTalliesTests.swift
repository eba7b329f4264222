import Testing

@testable import ThemeScanKit

/// A group counts its documents and its distinct cases, and tallies their counts, without keeping the documents.
@Suite struct GroupTalliesTests {
    static func summary(_ id: String, caseID: String, year: String) -> DocumentSummary {
        DocumentSummary(
            id: id, caseID: caseID, source: "\(id).txt", format: .text, encoding: "UTF-8", characters: 10, tokens: 4,
            speakers: [], segments: 1, metadata: ["year": year])
    }

    @Test func groupsCountDocumentsAndDistinctCases() {
        var groups = GroupTallies(variable: "year", codeCount: 2, termCount: 2)
        var tally = DocumentTally(caseID: "P01", tokens: 4, characters: 10, codeCount: 2, termCount: 2)
        tally.codeOccurrences = [3, 0]
        for (id, caseID, year) in [("a", "P01", "2024"), ("b", "P01", "2024"), ("c", "P02", "2024"), ("d", "P01", "2021"), ("e", "P03", " ")] {
            tally.caseID = caseID
            groups.add(Self.summary(id, caseID: caseID, year: year), tally: tally)
        }
        #expect(groups.values == ["2021", "2024"])
        #expect(groups.inOrder.map(\.group.documents) == [1, 3])
        #expect(groups.inOrder.map(\.group.cases) == [["P01"], ["P01", "P02"]])
        #expect(groups.inOrder.map(\.group.tally.codeOccurrences) == [[3, 0], [9, 0]])
        #expect(groups.documentsWithoutValue == ["e"])
    }

    /// A document that is its case's only one adds a case without its name or its counts being kept; the tallies
    /// are those of cases kept by name.
    @Test func finishedCasesAreCountedWithoutTheirNames() {
        var named = GroupTallies(variable: "year", codeCount: 2, termCount: 2)
        var finished = GroupTallies(variable: "year", codeCount: 2, termCount: 2)
        for (id, caseID, year) in [("a", "P01", "2024"), ("b", "P01", "2024"), ("c", "row-3", "2024"), ("d", "row-4", "2024")] {
            var tally = DocumentTally(caseID: caseID, tokens: 4, characters: 10, codeCount: 2, termCount: 2)
            tally.codeOccurrences = [1, caseID == "row-3" ? 2 : 0]
            named.add(Self.summary(id, caseID: caseID, year: year), tally: tally)
            finished.add(
                Self.summary(id, caseID: caseID, year: year), tally: tally,
                completingCaseAt: caseID.hasPrefix("row") ? 1 : nil)
        }
        #expect(named.inOrder.map(\.group.caseCount) == [3])
        #expect(finished.inOrder.map(\.group.caseCount) == [3])
        #expect(finished.inOrder.map(\.group.cases) == [["P01"]])
        #expect(finished.inOrder.map { $0.group.tally.codeCases(minimum: 1) } == named.inOrder.map { $0.group.tally.codeCases() })
        // The finished cases' code counts were counted, not kept: the group's case table holds P01 only.
        #expect(finished.inOrder.map(\.group.tally.caseCodeOccurrences.caseCount) == [1])
        #expect(finished.inOrder.map { $0.group.tally.completedCases?.codes } == [[2, 1]])
    }
}
