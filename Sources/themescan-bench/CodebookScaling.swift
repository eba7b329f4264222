import Foundation
import ThemeScanKit

/// Measures what a very large codebook costs: loading and compiling it, and matching with it, against a small one
/// drawn from the same generator (its first terms).
struct CodebookScaling {
    /// What the terms of a pair of generated codebooks are made of.
    enum Kind: CaseIterable {
        /// Common characters: the large codebook's terms match the corpus thousands of times as often as the small
        /// one's, so its figures include writing those matches down.
        case common
        /// The small codebook's common-character terms, and in the large one as many more common-character terms
        /// again, none of which occurs in the sample: the same matches, through a trie as dense as `common`'s.
        case commonAbsent
        /// Rare characters (CJK Extension A, absent from the corpus): what the codebook's size alone costs.
        case rare

        var label: String {
            switch self {
            case .common: "common-character terms"
            case .commonAbsent: "common-character terms, all past the first 500 absent from the sample"
            case .rare: "rare-character terms"
            }
        }
    }

    struct Outcome {
        var terms: Int
        var kind: Kind
        var loadSeconds: Double
        /// MB of the sample per second through the match stage alone (normalized text prepared beforehand).
        var matchRate: Double
        /// MB of the sample per second through the whole document analyzer (normalize, count, match, rows).
        var analyzeRate: Double
        var matches: Int
    }

    var seed: UInt64 = 50_000

    /// `count` distinct terms: about four in five Han words of two to four characters, the rest Latin words. The
    /// first terms of a longer list are the terms of a shorter one.
    func terms(count: Int, rare: Bool) -> [String] {
        var random = SplitMix64(seed: seed)
        let rareHan = (0x3400..<0x4DB0).map { Character(Unicode.Scalar($0)!) }
        let commonHan = Array("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研孩子家长老师学校情绪焦虑抑郁睡眠")
        let han = rare ? rareHan : commonHan
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var seen: Set<String> = []
        var terms: [String] = []
        while terms.count < count {
            let term: String
            if Int.random(in: 0..<5, using: &random) == 0 {
                term = String((0..<Int.random(in: 5...9, using: &random)).map { _ in letters.randomElement(using: &random)! })
            } else {
                term = String((0..<Int.random(in: 2...4, using: &random)).map { _ in han.randomElement(using: &random)! })
            }
            if seen.insert(term).inserted { terms.append(term) }
        }
        return terms
    }

    /// The generated codebook of `count` terms of `kind`, ten terms per code, written into `folder`.
    ///
    /// For `commonAbsent`, the terms past the first 500 are drawn from a longer list of common-character terms,
    /// leaving out every one that matches `sample`.
    func writeCodebook(terms count: Int, kind: Kind, sample: [String], into folder: URL) throws -> String {
        switch kind {
        case .common, .rare:
            let terms = self.terms(count: count, rare: kind == .rare)
            return try Self.write(terms, name: "synthetic-\(count)\(kind == .rare ? "-rare" : "")", into: folder)
        case .commonAbsent:
            let small = self.terms(count: min(count, 500), rare: false)
            guard count > small.count else { return try Self.write(small, name: "synthetic-\(count)", into: folder) }
            let candidates = Array(self.terms(count: 2 * count, rare: false).dropFirst(small.count))
            let extra = try Self.leavingOut(termsFoundIn: sample, from: candidates, folder: folder)
            guard small.count + extra.count >= count else { throw BenchmarkError.tooFewAbsentTerms(count) }
            return try Self.write(small + extra.prefix(count - small.count), name: "synthetic-\(count)-absent", into: folder)
        }
    }

    private static func write(_ terms: [String], name: String, into folder: URL) throws -> String {
        var yaml = "version: 1\nname: \(name)\nthemes:\n  - id: synthetic\n    codes:\n"
        for start in stride(from: 0, to: terms.count, by: 10) {
            let chunk = terms[start..<min(terms.count, start + 10)].map { "\"\($0)\"" }.joined(separator: ", ")
            yaml += "      - id: c\(start / 10)\n        terms: [\(chunk)]\n"
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("\(name).yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `terms` without those the matcher finds in `sample`, repeated until it finds none: a term hidden under a
    /// longer match in one round can surface once that one is gone.
    private static func leavingOut(termsFoundIn sample: [String], from terms: [String], folder: URL) throws -> [String] {
        let classifier = CharacterClassifier()
        let texts = try sample.map { path in
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        }
        var remaining = terms
        while true {
            let path = try write(remaining, name: "synthetic-candidates", into: folder)
            let codebook = try CodebookLoader(classifier: classifier).load(path: path).codebook
            let matcher = try Matcher(codebook: codebook, normalization: NormalizationOptions(), classifier: classifier)
            let normalizer = try TextNormalizer(options: matcher.normalization, traditional: matcher.traditionalCharacters)
            var found: Set<String> = []
            for text in texts {
                for span in matcher.spans(in: try normalizer.normalize(Array(text.utf16))) {
                    for credit in span.credits { found.insert(matcher.terms[credit.term].term.text) }
                }
            }
            try? FileManager.default.removeItem(atPath: path)
            if found.isEmpty { return remaining }
            remaining.removeAll { found.contains($0) }
        }
    }

    /// Loads both codebooks (timed, best of `runs` each), then matches the sample files with them, taking turns on
    /// each file (best of `runs` per file and codebook), and runs the whole analyzer over each file with both.
    ///
    /// Taking turns keeps the ratio of the two honest on a machine whose speed wanders: measured one codebook after
    /// the other, the same build's ratio moved between 0.55 and 0.79 from one bench run to the next.
    func measure(
        codebookPaths: (small: String, large: String), terms: (small: Int, large: Int), kind: Kind, sample: [String],
        runs: Int
    ) throws -> (small: Outcome, large: Outcome) {
        let classifier = CharacterClassifier()
        func load(_ path: String) throws -> (matcher: Matcher, seconds: Double) {
            var seconds = Double.infinity
            var matcher: Matcher?
            for _ in 0..<max(1, runs) {
                let start = DispatchTime.now().uptimeNanoseconds
                let codebook = try CodebookLoader(classifier: classifier).load(path: path).codebook
                matcher = try Matcher(codebook: codebook, normalization: NormalizationOptions(), classifier: classifier)
                seconds = min(seconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return (matcher!, seconds)
        }
        let loaded = [try load(codebookPaths.small), try load(codebookPaths.large)]
        let normalizers = try loaded.map {
            try TextNormalizer(options: $0.matcher.normalization, traditional: $0.matcher.traditionalCharacters)
        }
        let analyzers = try loaded.map {
            try DocumentAnalyzer(
                matcher: $0.matcher, rowRenderer: MatchRowRenderer(codes: $0.matcher.codes, terms: $0.matcher.terms))
        }
        var bytes = 0
        var matchSeconds = [0.0, 0.0]
        var analyzeSeconds = [0.0, 0.0]
        var matches = [0, 0]
        let decoder = UTF8TextDecoder()
        for path in sample {
            let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            bytes += data.count
            let text = decoder.decode(data, path: path).text
            let normalized = try normalizers.map { try $0.normalize(Array(text.utf16)) }
            var fileSeconds = [Double.infinity, Double.infinity]
            for run in 0..<max(1, runs) {
                for side in 0..<2 {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let found = loaded[side].matcher.spans(in: normalized[side]).count
                    fileSeconds[side] = min(fileSeconds[side], Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                    if run == 0 { matches[side] += found }
                }
            }
            let document = Document(
                id: path, caseID: path, source: path, format: .text, encoding: "UTF-8", text: text,
                segments: [Segment(text: text, start: 0)])
            for side in 0..<2 {
                matchSeconds[side] += fileSeconds[side]
                let start = DispatchTime.now().uptimeNanoseconds
                let analysis = try analyzers[side].analyze(document, index: 0)
                if let spilled = analysis.spilledMatchRows { try? FileManager.default.removeItem(atPath: spilled) }
                analyzeSeconds[side] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
        }
        let megabytes = Double(bytes) / 1_048_576
        let outcomes = [terms.small, terms.large].enumerated().map { side, count in
            Outcome(
                terms: count, kind: kind, loadSeconds: loaded[side].seconds, matchRate: megabytes / matchSeconds[side],
                analyzeRate: megabytes / analyzeSeconds[side], matches: matches[side])
        }
        return (outcomes[0], outcomes[1])
    }
}
