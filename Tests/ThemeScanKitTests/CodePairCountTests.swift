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
        var text = ""
        var segments: [Segment] = []
        for turn in turns {
            segments.append(Segment(speaker: "P", text: turn, start: text.unicodeScalars.count))
            text += turn + "\n"
        }
        let document = Document(
            id: "d", caseID: "c", source: "d.txt", format: .text, encoding: "UTF-8", text: text, segments: segments)
        let tally = try DocumentAnalyzer(matcher: matcher).analyze(document, index: 0).tally
        var named: [String: Int] = [:]
        for (pair, count) in tally.segmentPairs {
            named[matcher.codes[pair.first].code.id + "+" + matcher.codes[pair.second].code.id] = count
        }
        return named
    }

    @Test(arguments: [0, DocumentAnalyzer.pairTableCodes])
    func pairsAreCountedOncePerTurn(fillers: Int) throws {
        #expect(try Self.pairs(fillers: fillers) == ["a+b": 2, "a+g": 2, "b+g": 1])
    }
}
