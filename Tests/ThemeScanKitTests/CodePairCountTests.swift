import Testing

@testable import ThemeScanKit

/// Turns in which two codes occur together (`cooccurrence.csv`), counted in a square table for small codebooks and
/// in a dictionary for large ones: both must give the same pairs.
@Suite struct CodePairCountTests {
    static let turns = ["alpha beta alpha", "alpha gamma", "beta", "gamma beta alpha", "delta"]

    /// The pairs of code ids counted over `turns` with the three named codes plus `fillers` codes that never match.
    static func pairs(fillers: Int) throws -> [String: Int] {
        var codes: [(id: String, terms: [String], exclude: [String])] = [
            ("a", ["alpha"], []), ("b", ["beta"], []), ("g", ["gamma"], []),
        ]
        for index in 0..<fillers { codes.append(("filler\(index)", ["unused\(index)"], [])) }
        let matcher = try TestSupport.matcher(codes: codes)
        let tally = try DocumentAnalyzer(matcher: matcher).analyze(document(turns), index: 0).tally
        var named: [String: Int] = [:]
        for (pair, count) in tally.segmentPairs {
            named[matcher.codes[pair.first].code.id + "+" + matcher.codes[pair.second].code.id] = count
        }
        return named
    }

    /// A document of one speaker's turns, a line each.
    static func document(_ turns: [String]) -> Document {
        var text = ""
        var segments: [Segment] = []
        for turn in turns {
            segments.append(Segment(speaker: "P", text: turn, start: text.unicodeScalars.count))
            text += turn + "\n"
        }
        return Document(
            id: "d", caseID: "c", source: "d.txt", format: .text, encoding: "UTF-8", text: text, segments: segments)
    }

    @Test(arguments: [0, CodePairCounter.tableCodes])
    func pairsAreCountedOncePerTurn(fillers: Int) throws {
        #expect(try Self.pairs(fillers: fillers) == ["a+b": 2, "a+g": 2, "b+g": 1])
    }
}

/// The analyzer keeps its pair table between documents: a document must not see the pairs of the one before.
@Suite struct CodePairTableReuseTests {
    @Test func eachDocumentCountsOnlyItsOwnPairs() throws {
        let matcher = try TestSupport.matcher(codes: [("a", ["alpha"], []), ("b", ["beta"], []), ("g", ["gamma"], [])])
        let analyzer = try DocumentAnalyzer(matcher: matcher)
        func pairs(_ turns: [String]) throws -> [CodePair: Int] {
            try analyzer.analyze(CodePairCountTests.document(turns), index: 0).tally.segmentPairs
        }
        let first: [CodePair: Int] = [CodePair(0, 1): 2, CodePair(0, 2): 1, CodePair(1, 2): 1]
        let second: [CodePair: Int] = [CodePair(1, 2): 1]
        let third: [CodePair: Int] = [CodePair(0, 2): 1]
        #expect(try pairs(["alpha beta", "alpha beta gamma"]) == first)
        #expect(try pairs(["beta gamma"]) == second)
        #expect(try pairs(["alpha", "gamma"]).isEmpty)
        #expect(try pairs(["gamma alpha"]) == third)
    }
}

/// Cases coded for both codes of a pair (`cooccurrence.csv`'s `cases`), counted case by case: in a square table for
/// small codebooks and in a dictionary for large ones, which must agree.
@Suite struct CaseCodePairTests {
    @Test(arguments: [1, 2], [3, CodePairCounter.tableCodes + 1])
    func casesSharingBothCodesAreCounted(minimum: Int, width: Int) {
        var tally = CorpusTally(codeCount: width, termCount: 1)
        let cases: [(String, [Int])] = [("A", [2, 1, 0]), ("B", [1, 2, 2]), ("C", [2, 2, 2]), ("D", [0, 0, 5]), ("A", [0, 1, 0])]
        for (caseID, codes) in cases {
            var document = DocumentTally(caseID: caseID, tokens: 1, characters: 1, codeCount: width, termCount: 1)
            document.codeOccurrences = codes + Array(repeating: 0, count: width - codes.count)
            tally.add(document)
        }
        // By brute force over the cases' coded sets.
        var expected: [CodePair: Int] = [:]
        for caseID in ["A", "B", "C", "D"] {
            let counts = tally.caseCodeOccurrences.counts(ofCase: caseID, width: width)
            for first in 0..<width {
                for second in (first + 1)..<width where counts[first] >= minimum && counts[second] >= minimum {
                    expected[CodePair(first, second), default: 0] += 1
                }
            }
        }
        let atOne: [CodePair: Int] = [CodePair(0, 1): 3, CodePair(0, 2): 2, CodePair(1, 2): 2]
        let atTwo: [CodePair: Int] = [CodePair(0, 1): 2, CodePair(0, 2): 1, CodePair(1, 2): 2]
        #expect(tally.caseCodePairs(minimum: minimum) == expected)
        #expect(tally.caseCodePairs(minimum: 1) == atOne)
        #expect(tally.caseCodePairs(minimum: 2) == atTwo)
    }
}

/// The counter both kinds of tally share: a drain adds its counts and empties it, and what it forgets is gone.
@Suite struct CodePairCounterTests {
    @Test(arguments: [3, CodePairCounter.tableCodes + 1])
    func drainingEmptiesAndForgettingDrops(width: Int) {
        var counter = CodePairCounter(codes: width)
        counter.countPairs(of: [2, 0, 1][...])
        counter.countPairs(of: [0, 2][...])
        counter.countPairs(of: [1][...])
        var pairs: [CodePair: Int] = [CodePair(0, 1): 5]
        counter.drain(into: &pairs)
        #expect(pairs == [CodePair(0, 1): 6, CodePair(0, 2): 2, CodePair(1, 2): 1])

        counter.countPairs(of: [1, 2][...])
        counter.removeAll()
        counter.countPairs(of: [0, 1][...])
        var next: [CodePair: Int] = [:]
        counter.drain(into: &next)
        #expect(next == [CodePair(0, 1): 1])
        var empty: [CodePair: Int] = [:]
        counter.drain(into: &empty)
        #expect(empty.isEmpty)
    }
}
