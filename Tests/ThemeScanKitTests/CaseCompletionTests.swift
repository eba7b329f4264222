import Foundation
import Testing

@testable import ThemeScanKit

/// A file that is its own case is counted as a finished case at once; the case counts must not change.
@Suite struct CaseCompletionTests {
    static let documents: [(caseID: String, words: [String: Int], terms: [Int])] = [
        ("A", ["抑郁": 2, "bullying": 1], [2, 0, 1]), ("B", ["抑郁": 1, "个案管理": 3], [0, 3, 1]),
        ("C", ["family": 4, "抑郁": 3], [1, 1, 0]), ("D", [:], [0, 0, 0]),
    ]

    static func tally(_ document: (caseID: String, words: [String: Int], terms: [Int])) -> DocumentTally {
        var tally = DocumentTally(caseID: document.caseID, tokens: 1, characters: 2, codeCount: 1, termCount: 3)
        tally.words = document.words
        tally.termOccurrences = document.terms
        return tally
    }

    @Test(arguments: [1, 2, 3])
    func completedCasesCountAsTheirPerCaseTablesWould(minimum: Int) {
        var kept = CorpusTally(codeCount: 1, termCount: 3)
        var completed = CorpusTally(codeCount: 1, termCount: 3)
        // Two workers' tallies, merged, as the corpus analyzer does.
        var first = CorpusTally(codeCount: 1, termCount: 3)
        var second = CorpusTally(codeCount: 1, termCount: 3)
        for (position, document) in Self.documents.enumerated() {
            kept.add(Self.tally(document))
            completed.add(Self.tally(document), completingCaseAt: minimum)
            if position % 2 == 0 {
                first.add(Self.tally(document), completingCaseAt: minimum)
            } else {
                second.add(Self.tally(document))
            }
        }
        first.merge(second)
        #expect(completed.caseWords.byCase.isEmpty)
        #expect(completed.caseTerms.byCase.isEmpty)
        for tally in [completed, first] {
            #expect(tally.wordCases(minimum: minimum) == kept.wordCases(minimum: minimum))
            #expect(tally.termCases(minimum: minimum) == kept.termCases(minimum: minimum))
            #expect(tally.words == kept.words)
            #expect(tally.caseCodeOccurrences == kept.caseCodeOccurrences)
        }
        #expect(kept.wordCases(minimum: minimum) != [:])
    }

    @Test func onlyInputsNoOtherInputCanShareACaseWithAreSole() {
        let sources = [
            DocumentSource(path: "a.txt", id: "a.txt"),
            DocumentSource(path: "b.txt", id: "b.txt", caseID: "P1"),
            DocumentSource(path: "c.txt", id: "c.txt", caseID: "P1"),
            DocumentSource(path: "d.txt", id: "d#1.txt"),
            DocumentSource(path: "survey.csv", id: "survey.csv"),
            DocumentSource(path: "e.txt", id: "e.txt", caseID: "survey.csv"),
        ]
        #expect(CorpusAnalyzer.soleCases(of: sources, options: IngestionOptions()) == [0: "a.txt"])
        // A case column or case XPath can name any case from the data.
        #expect(CorpusAnalyzer.soleCases(of: sources, options: IngestionOptions(caseColumn: "program")).isEmpty)
        #expect(CorpusAnalyzer.soleCases(of: sources, options: IngestionOptions(caseXPath: "@id")).isEmpty)
        var withColumn = sources
        withColumn[4].settings = SourceSettings(caseColumn: "program")
        #expect(CorpusAnalyzer.soleCases(of: withColumn, options: IngestionOptions()).isEmpty)
    }

    /// Files of their own cases complete them, and so do a spreadsheet's rows that are their own cases; files
    /// sharing a manifest case do not, nor do rows when a case column could name any case; the tables come out the
    /// same as without completing cases.
    @Test func analyzerCompletesOnlyCasesThatAreWhole() async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = [
            ("one.txt", "孩子有抑郁，抑郁症也有。bullying"), ("two.txt", "抑郁 bullying bullying"),
            ("three.txt", "个案管理和抑郁"), ("four.txt", "抑郁"),
            // Answers long enough to be chosen as free text.
            ("survey.csv", "answer\n孩子有抑郁和焦虑的问题\nbullying at school, every day\n"),
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        let sources = files.map { DocumentSource(path: folder.appendingPathComponent($0.0).path, id: $0.0) }
            .enumerated().map { position, source in
                var source = source
                if position >= 2 && position <= 3 { source.caseID = "shared" }
                return source
            }
        let matcher = try TestSupport.matcher(codes: [("depression", ["抑郁"], []), ("bullying", ["bullying"], [])])
        let plain = CorpusAnalyzer(matcher: matcher, jobs: 2, wordList: WordListSettings())
        var completing = plain
        completing.caseMinimum = 2
        var completed: [String] = []
        let kept = try await plain.analyze(sources) { _, _ in }
        let folded = try await completing.analyze(sources) { analysis, _ in
            if analysis.completesCase { completed.append(analysis.summary.id) }
        }
        #expect(completed == ["one.txt", "two.txt", "survey.csv#row-2", "survey.csv#row-3"])
        #expect(folded.tally.completedCases?.words.isEmpty == false)
        // What is left per case is the shared case's: the rows keep no word or term table.
        #expect(Set(folded.tally.caseWords.caseCounts(minimum: 1).keys) == ["个案", "管理", "抑郁"])
        #expect(folded.tally.caseTerms.byCase.keys.sorted() == ["shared"])
        #expect(folded.tally.wordCases(minimum: 2) == kept.tally.wordCases(minimum: 2))
        #expect(folded.tally.termCases(minimum: 2) == kept.tally.termCases(minimum: 2))
        #expect(folded.tally.caseCodeOccurrences == kept.tally.caseCodeOccurrences)

        // With a case column, a row's empty case cell falls back to its id, which another row's cell could name.
        var byColumn = completing
        byColumn.loader = DocumentLoader(options: IngestionOptions(caseColumn: "answer"))
        var completedByColumn: [String] = []
        _ = try await byColumn.analyze(sources) { analysis, _ in
            if analysis.completesCase { completedByColumn.append(analysis.summary.id) }
        }
        #expect(completedByColumn.isEmpty)
    }

    @Test func rowsAreTheirOwnCasesOnlyWhenNoInputCanNameTheirIDs() {
        let sources = [DocumentSource(path: "survey.csv", id: "survey.csv"), DocumentSource(path: "a.txt", id: "a.txt")]
        #expect(CorpusAnalyzer.rowsAreOwnCases(of: sources, options: IngestionOptions()))
        #expect(!CorpusAnalyzer.rowsAreOwnCases(of: sources, options: IngestionOptions(caseColumn: "program")))
        var withColumn = sources
        withColumn[0].settings = SourceSettings(caseColumn: "program")
        #expect(!CorpusAnalyzer.rowsAreOwnCases(of: withColumn, options: IngestionOptions()))
        // A file whose id, or manifest case, looks like a row's id could share its case.
        var lookalike = sources
        lookalike[1].id = "survey.csv#row-2"
        #expect(!CorpusAnalyzer.rowsAreOwnCases(of: lookalike, options: IngestionOptions()))
        var lookalikeCase = sources
        lookalikeCase[1].caseID = "survey.csv#row-2"
        #expect(!CorpusAnalyzer.rowsAreOwnCases(of: lookalikeCase, options: IngestionOptions()))
        let row = DocumentSummary(id: "survey.csv#row-2", caseID: "survey.csv#row-2", source: "survey.csv", format: .csv, encoding: "UTF-8", characters: 1, tokens: 1)
        #expect(CorpusAnalyzer.isOwnCaseRow(row))
        var inCase = row
        inCase.caseID = "P1"
        #expect(!CorpusAnalyzer.isOwnCaseRow(inCase))
        var transcript = row
        transcript.format = .text
        #expect(!CorpusAnalyzer.isOwnCaseRow(transcript))
    }
}
