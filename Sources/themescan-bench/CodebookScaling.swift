import Foundation
import ThemeScanKit

/// Measures what a very large codebook costs: loading and compiling it, and matching with it, against a small one
/// drawn from the same generator (its first terms).
struct CodebookScaling {
    struct Outcome {
        var terms: Int
        var rare: Bool
        var loadSeconds: Double
        /// MB of the sample per second through the match stage alone (normalized text prepared beforehand).
        var matchRate: Double
        /// MB of the sample per second through the whole document analyzer (normalize, count, match, rows).
        var analyzeRate: Double
        var matches: Int
    }

    var seed: UInt64 = 50_000

    /// Writes a codebook of `count` distinct terms (about four in five Han words of two to four characters, the
    /// rest Latin words), ten terms per code, into `folder`. Common characters make terms that match the corpus
    /// very often; rare ones (CJK Extension A, absent from the corpus) measure what the codebook's size alone costs.
    func writeCodebook(terms count: Int, rare: Bool, into folder: URL) throws -> String {
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
        var yaml = "version: 1\nname: synthetic-\(count)\nthemes:\n  - id: synthetic\n    codes:\n"
        for start in stride(from: 0, to: count, by: 10) {
            let chunk = terms[start..<min(count, start + 10)].map { "\"\($0)\"" }.joined(separator: ", ")
            yaml += "      - id: c\(start / 10)\n        terms: [\(chunk)]\n"
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("synthetic-\(count)\(rare ? "-rare" : "").yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Loads the codebook (timed, best of `runs`), then matches the sample files with it (best of `runs` per file)
    /// and runs the whole analyzer over them once.
    func measure(codebookPath: String, terms: Int, rare: Bool, sample: [String], runs: Int) throws -> Outcome {
        let classifier = CharacterClassifier()
        var loadSeconds = Double.infinity
        var matcher: Matcher?
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            let codebook = try CodebookLoader(classifier: classifier).load(path: codebookPath).codebook
            matcher = try Matcher(codebook: codebook, normalization: NormalizationOptions(), classifier: classifier)
            loadSeconds = min(loadSeconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let compiled = matcher!
        let normalizer = try TextNormalizer(options: compiled.normalization, traditional: compiled.traditionalCharacters)
        let analyzer = try DocumentAnalyzer(
            matcher: compiled, rowRenderer: MatchRowRenderer(codes: compiled.codes, terms: compiled.terms))
        var bytes = 0
        var matchSeconds = 0.0
        var analyzeSeconds = 0.0
        var matches = 0
        let decoder = UTF8TextDecoder()
        for path in sample {
            let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            bytes += data.count
            let text = decoder.decode(data, path: path).text
            let normalized = try normalizer.normalize(Array(text.utf16))
            // The match stage is short and this machine's speed wanders, so each file takes the best of `runs`.
            var fileSeconds = Double.infinity
            for run in 0..<max(1, runs) {
                let start = DispatchTime.now().uptimeNanoseconds
                let found = compiled.spans(in: normalized).count
                fileSeconds = min(fileSeconds, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                if run == 0 { matches += found }
            }
            matchSeconds += fileSeconds
            let document = Document(
                id: path, caseID: path, source: path, format: .text, encoding: "UTF-8", text: text,
                segments: [Segment(text: text, start: 0)])
            let start = DispatchTime.now().uptimeNanoseconds
            let analysis = try analyzer.analyze(document, index: 0)
            if let spilled = analysis.spilledMatchRows { try? FileManager.default.removeItem(atPath: spilled) }
            analyzeSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        let megabytes = Double(bytes) / 1_048_576
        return Outcome(
            terms: terms, rare: rare, loadSeconds: loadSeconds, matchRate: megabytes / matchSeconds,
            analyzeRate: megabytes / analyzeSeconds, matches: matches)
    }
}
