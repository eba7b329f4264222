import CICU
import Foundation
import ThemeScanKit

/// Times the pipeline's stages one by one on one core, in this process, and the raw ICU word-break loop that
/// bounds them all.
struct StageProfile {
    var stopwatch = Stopwatch()
    var bytes = 0
    var tokens = 0
    var matches = 0

    /// Seconds ICU's word break iterator takes over the files' text, fed whole (no chunking), with the rule-status
    /// test themescan uses to count tokens; the text is converted to UTF-16 before the clock starts.
    static func rawICUSeconds(files: [String]) throws -> (seconds: Double, tokens: Int) {
        var status: Int32 = 0
        guard let breaker = cicu_word_breaker_open("zh", &status), status <= 0 else {
            throw BenchmarkError.baselineFailed("ICU word break iterator could not be opened (status \(status))")
        }
        defer { cicu_word_breaker_close(breaker) }
        var seconds = 0.0
        var tokens = 0
        for path in files {
            let units = Array(try String(contentsOfFile: path, encoding: .utf8).utf16)
            let start = DispatchTime.now().uptimeNanoseconds
            tokens += Int(
                units.withUnsafeBufferPointer {
                    cicu_word_breaker_count(breaker, $0.baseAddress, Int32($0.count), Int32($0.count), &status)
                })
            seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        return (seconds, tokens)
    }

    /// Runs each stage over every file as `analyze` does: reading (`DocumentLoader`: file, format sniffing,
    /// decoding, transcript turns, speaker roles, segments), then decode alone, normalize each turn, segment (ICU
    /// word break over batches of turns, tokens with their kinds), match each turn and find its sentences; then
    /// the analyzer as a whole, rendering `matches.csv` rows as `analyze` does. Its time beyond those four stages is
    /// what counting and rendering rows cost. Long segments, which the analyzer cuts into chunks, are timed whole.
    mutating func run(files: [String], matcher: Matcher) throws {
        let normalizer = try TextNormalizer(options: matcher.normalization, traditional: matcher.traditionalCharacters)
        let segmenter = try WordSegmenter()
        let sentenceSegmenter = try SentenceSegmenter()
        // The analyzer as `analyze` runs it: rows rendered, open-vocabulary words counted with the shipped stopwords.
        var stopwords = StopwordList()
        for path in ["lexicons/stopwords-zh.txt", "lexicons/stopwords-en.txt"]
        where FileManager.default.fileExists(atPath: path) {
            stopwords = stopwords.merging(try StopwordList.load(path: path, normalizer: normalizer))
        }
        let analyzer = try DocumentAnalyzer(
            matcher: matcher, rowRenderer: MatchRowRenderer(codes: matcher.codes, terms: matcher.terms),
            wordList: WordListSettings(stopwords: stopwords))
        let decoder = UTF8TextDecoder()
        let loader = DocumentLoader()
        var analyzerSeconds = 0.0
        for path in files {
            let read = try stopwatch.time("read") {
                try loader.load(DocumentSource(path: path, id: (path as NSString).lastPathComponent))
            }
            _ = try stopwatch.time("decode") { () throws -> String in
                let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                bytes += data.count
                return decoder.decode(data, path: path).text
            }
            for document in read.documents {
                var batch: [UInt16] = []
                for (index, segment) in document.segments.enumerated() {
                    let units = Array(segment.text.utf16)
                    let normalized = try stopwatch.time("normalize") { try normalizer.normalize(units) }
                    batch += normalized.units
                    batch.append(DocumentAnalyzer.turnSeparator)
                    if batch.count >= DocumentAnalyzer.batchLength || index == document.segments.count - 1 {
                        tokens += try stopwatch.time("segment") { try segmenter.words(in: batch).count }
                        batch.removeAll(keepingCapacity: true)
                    }
                    let spans = stopwatch.time("match") { matcher.spans(in: normalized) }
                    if !spans.isEmpty {
                        _ = try stopwatch.time("sentences") { try sentenceSegmenter.boundaries(in: units) }
                    }
                }
                let start = DispatchTime.now().uptimeNanoseconds
                let analysis = try analyzer.analyze(document, index: 0)
                analyzerSeconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                matches += analysis.tally.codeOccurrences.reduce(0, +)
                if let spilled = analysis.spilledMatchRows { try? FileManager.default.removeItem(atPath: spilled) }
            }
        }
        let inner = ["normalize", "segment", "match", "sentences"].reduce(0) { $0 + (stopwatch.seconds[$1] ?? 0) }
        let countSeconds = max(0, analyzerSeconds - inner)
        stopwatch.add("count + rows", seconds: countSeconds)
    }
}
