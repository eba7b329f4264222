import Foundation
import Testing

/// Hostile codebooks run through the binary: broken ones stop the run before anything is written, with the place;
/// pathological but valid ones load and match within the hang bound and a stated peak memory.
@Suite struct HostileCodebookTests {
    /// Malformed YAML is an error at its line and column; the run exits with status 1 and writes nothing.
    @Test func malformedYAMLIsLocated() throws {
        let workspace = try HostileWorkspace()
        try workspace.write("broken.yaml", "version: 1\nthemes:\n  - id: a\n    codes: [\n      - id: x\n")
        let outcome = try HostileRun.run(
            ["analyze", HostileWorkspace.goodName, "--lexicon", "broken.yaml", "--out", "out", "--quiet"], in: workspace.folder)
        try workspace.expectHandled(outcome, hostile: "broken.yaml", status: 1, peakMiB: 256)
        #expect(
            outcome.lines.contains(
                "broken.yaml:5:7: error: invalid YAML: while parsing a flow node did not find expected node content"),
            "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("out").path))
    }

    /// A code id used twice is an error at the second use, naming the first; status 1, nothing written.
    @Test func duplicateIdsAreLocated() throws {
        let workspace = try HostileWorkspace()
        try workspace.write(
            "duplicate.yaml",
            "version: 1\nthemes:\n  - id: a\n    codes:\n      - id: x\n        terms: [foo]\n  - id: b\n    codes:\n"
                + "      - id: x\n        terms: [bar]\n")
        let outcome = try HostileRun.run(
            ["analyze", HostileWorkspace.goodName, "--lexicon", "duplicate.yaml", "--out", "out", "--quiet"], in: workspace.folder)
        try workspace.expectHandled(outcome, hostile: "duplicate.yaml", status: 1, peakMiB: 256)
        #expect(outcome.lines.contains("duplicate.yaml:9:9: error: duplicate code id 'x' (first defined at duplicate.yaml:5:9)"))
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("out").path))
    }

    /// Wildcard terms against a 600,000-letter word: matching stays linear, so the run ends well within the hang
    /// bound (the walk from every letter of the word used to read the rest of it: about 1.8 × 10^11 steps, far past
    /// it), and the words after it are still matched. Bound: 256 MiB.
    @Test func wildcardsStayLinearOnALongWord() throws {
        let workspace = try HostileWorkspace()
        try workspace.write(
            "wild.yaml",
            """
            version: 1
            themes:
              - id: t
                codes:
                  - id: star
                    terms: ["a*", "aa*", "b?a?a?a?a?a?a?a?", "a-a-a-a a*"]
                  - id: other
                    terms: [欺凌, "ab*"]
                    exclude: ["aab*", "aaa*"]

            """)
        try workspace.write("long.txt", "受访者：欺凌 b" + String(repeating: "a", count: 600_000) + " aaa ab aab\n")
        let outcome = try HostileRun.run(
            ["analyze", HostileWorkspace.goodName, "long.txt", "--lexicon", "wild.yaml", "--out", "out", "--quiet", "--jobs", "1"],
            in: workspace.folder)
        try workspace.expectHandled(outcome, hostile: nil, peakMiB: 256, goodCode: nil)
        let codes = try workspace.output("codes.csv")
        // aaa, ab and aab: `a*` wins each tie as the codebook's first term; 欺凌 once.
        #expect(codes.contains("t,star,star,3,1,1,"), "\(codes)")
        #expect(codes.contains("t,other,other,1,1,1,"), "\(codes)")
    }

    /// How many terms the large-codebook test generates: 1,000,000 with `THEMESCAN_HOSTILE_FULL=1`, else 50,000, since
    /// the debug build the suite runs takes about 3 minutes for a million (a release build a fraction of that).
    static let generatedTermCount = ProcessInfo.processInfo.environment["THEMESCAN_HOSTILE_FULL"] == "1" ? 1_000_000 : 50_000

    /// A CSV codebook of `generatedTermCount` distinct terms over 100 codes loads and matches: every term reaches
    /// terms.csv and the one term the good transcript holds is counted. Bounds: 1 GiB peak for a million terms
    /// (measured: 790 MiB and 92 s in a debug build), 256 MiB for 50,000; 600 s and the usual hang bound.
    @Test func aMillionTermsLoadAndMatch() throws {
        let workspace = try HostileWorkspace()
        let count = Self.generatedTermCount
        let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        var csv: [UInt8] = Array("theme,code,term\nt,c0,霸凌\n".utf8)
        csv.reserveCapacity(count * 14)
        for index in 0..<count {
            csv += Array("t,c\(index % 100),q".utf8)
            var rest = index
            for _ in 0..<5 {
                csv.append(letters[rest % 26])
                rest /= 26
            }
            csv.append(UInt8(ascii: "\n"))
        }
        try workspace.write("million.csv", csv)
        let full = count >= 1_000_000
        let outcome = try HostileRun.run(
            [
                "analyze", HostileWorkspace.goodName, "--lexicon", "million.csv", "--out", "out", "--quiet", "--jobs", "1",
                "--outputs", "csv",
            ], in: workspace.folder, timeout: full ? 600 : HostileRun.hangBound)
        try workspace.expectHandled(outcome, hostile: nil, peakMiB: full ? 1024 : 256, goodCode: "t,c0,c0,1,1,1,")
        let terms = try workspace.output("terms.csv")
        #expect(terms.split(separator: "\r\n").count == count + 2, "every term has its row in terms.csv")
    }
}
