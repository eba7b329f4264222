import ArgumentParser
import Foundation
import ThemeScanKit

/// Measures `themescan analyze` against the raw ICU word-break loop and jieba on a generated corpus.
@main
struct ThemeScanBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themescan-bench",
        abstract: "Measure themescan against raw ICU word break and jieba on a generated corpus.",
        discussion: """
            Build in release mode first: swift build -c release. The corpus is generated deterministically \
            into --work, so repeated runs measure the same text.
            """)

    @Option(help: "Megabytes of interview-like text to generate.")
    var size = 200

    @Option(help: "Megabytes of one long Han run without punctuation, compared per MB with normal text.")
    var hanSize = 10

    @Option(help: "Rounds of the end-to-end measurements, each round running every one once; medians are reported.")
    var runs = 3

    @Option(help: "Threads for the all-cores run.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Megabytes of the corpus given to jieba (it is slow; its speed per MB does not depend on size).")
    var jiebaSize = 5

    @Option(help: "Terms of a generated codebook whose load time and matching speed are compared with a 500-term one (0 skips).")
    var syntheticTerms = 50_000

    @Option(help: "Megabytes of the corpus matched with the generated codebooks.")
    var syntheticSampleSize = 20

    @Flag(help: "Skip the jieba baseline.")
    var noJieba = false

    @Flag(help: "Only the raw ICU loop and the in-process stage times, to work on one stage.")
    var stagesOnly = false

    @Flag(help: "Only the generated codebooks' load times and matching speeds.")
    var codebooksOnly = false

    @Option(
        help: ArgumentHelp(
            "Sizes in MB of survey exports made from the corpus (a row per line, each its own case), run end to end with every output; comma-separated, empty skips.",
            valueName: "list"))
    var surveySizes = ""

    @Option(help: "Platform columns (time, channel, IP, closed questions) each survey export row carries, all metadata.")
    var surveyColumns = 0

    @Flag(help: "Only the survey exports of --survey-sizes.")
    var surveysOnly = false

    @Option(help: "The codebook to match.")
    var lexicon = "lexicons/children-mental-health.yaml"

    @Option(help: "Where the corpus and outputs go.")
    var work = "/tmp/themescan-bench"

    func run() throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("themescan").path
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchmarkError.missingBinary(binary) }
        let workFolder = URL(fileURLWithPath: work)
        let classifier = CharacterClassifier()
        let codebook = try CodebookLoader(classifier: classifier).load(path: lexicon).codebook
        let matcher = try Matcher(codebook: codebook, normalization: NormalizationOptions(), classifier: classifier)
        let fixedTerms = matcher.terms.map(\.term.text).filter { !$0.contains("*") && !$0.contains("?") }
        let chinese = fixedTerms.filter { $0.unicodeScalars.contains { $0.properties.isIdeographic } }
        let english = fixedTerms.filter { $0.unicodeScalars.allSatisfy(\.isASCII) }

        let corpusFolder = workFolder.appendingPathComponent("corpus-\(size)mb")
        let hanFolder = workFolder.appendingPathComponent("han-run-\(hanSize)mb")
        log("generating \(size) MB of interviews and \(hanSize) MB of Han run in \(workFolder.path)")
        let files = try CorpusGenerator(kind: .interviews, chineseTerms: chinese, englishTerms: english)
            .write(megabytes: size, into: corpusFolder)
        let hanFiles = try CorpusGenerator(
            kind: .hanRun, fileBytes: hanSize << 20, chineseTerms: chinese, englishTerms: [])
            .write(megabytes: hanSize, into: hanFolder)
        let corpusMB = Double(try totalBytes(files)) / 1_048_576
        let hanMB = Double(try totalBytes(hanFiles)) / 1_048_576

        if surveysOnly {
            print(try surveyExports(files: files, workFolder: workFolder, binary: binary))
            return
        }
        if codebooksOnly {
            print(scalingTable(try codebookScaling(files: files, workFolder: workFolder)))
            return
        }
        if stagesOnly {
            log("raw ICU word break")
            let icu = try StageProfile.rawICUSeconds(files: files)
            var stages = StageProfile()
            try stages.run(files: files, matcher: matcher)
            print("raw ICU word break: \(fmt(icu.seconds)) s")
            for (stage, seconds) in stages.stopwatch.seconds.sorted(by: { $0.key < $1.key }) {
                print("\(stage): \(fmt(seconds)) s")
            }
            return
        }
        // Every round runs each end-to-end measurement once, so the ratios compare runs made minutes apart at most:
        // this machine's speed wanders more than that between the first and the last of a series.
        var jiebaNote: String? = noJieba ? "skipped (--no-jieba)" : nil
        var jiebaSample: [String]? = nil
        if !noJieba {
            if let reason = JiebaBaseline.unavailableReason() {
                jiebaNote = "skipped: \(reason)"
            } else {
                jiebaSample = try prefix(of: files, megabytes: jiebaSize)
            }
        }
        var rounds: [BenchRound] = []
        for round in 1...max(1, runs) {
            log(
                "round \(round) of \(max(1, runs)): raw ICU, themescan on 1 and \(jobs) threads, "
                    + (jiebaSample == nil ? "" : "jieba on \(jiebaSize) MB, ") + "then the Han run")
            rounds.append(
                BenchRound(
                    icu: try StageProfile.rawICUSeconds(files: files),
                    single: try endToEnd(binary, corpus: corpusFolder, jobs: 1, workFolder: workFolder),
                    parallel: try endToEnd(binary, corpus: corpusFolder, jobs: jobs, workFolder: workFolder),
                    hanICU: try StageProfile.rawICUSeconds(files: hanFiles),
                    han: try endToEnd(binary, corpus: hanFolder, jobs: 1, workFolder: workFolder),
                    jieba: try jiebaSample.map {
                        try JiebaBaseline.run(files: $0, terms: chinese, workFolder: workFolder)
                    }))
        }
        func median(_ value: (BenchRound) -> Double) -> Double { BenchRound.median(rounds.map(value)) }
        func peak(_ outcome: (BenchRound) -> ChildProcess.Outcome) -> Int {
            rounds.map { outcome($0).peakResidentBytes }.max() ?? 0
        }
        log("stages, 1 thread, in process")
        var stages = StageProfile()
        try stages.run(files: files, matcher: matcher)
        log("stages on the Han run, 1 thread, in process")
        var hanStages = StageProfile()
        try hanStages.run(files: hanFiles, matcher: matcher)

        let scaling = try codebookScaling(files: files, workFolder: workFolder)

        // Rates are medians over the rounds; ratios are medians of the ratios within each round.
        let icuRate = corpusMB / median(\.icu.seconds)
        let singleRate = corpusMB / median(\.single.seconds)
        let parallelRate = corpusMB / median(\.parallel.seconds)
        let hanICURate = hanMB / median(\.hanICU.seconds)
        let hanRate = hanMB / median(\.han.seconds)
        let icuTokens = Double(rounds[0].icu.tokens)
        let hanICUTokens = Double(rounds[0].hanICU.tokens)
        var report = """
            | measurement | MB/s | tokens/s | peak RSS |
            |---|---:|---:|---:|
            | raw ICU word break, 1 thread (\(fmt(corpusMB)) MB) | \(fmt(icuRate)) | \(count(icuTokens / median(\.icu.seconds))) | — |
            | themescan analyze, 1 thread | \(fmt(singleRate)) | \(count(Double(stages.tokens) / median(\.single.seconds))) | \(megabytes(peak(\.single))) |
            | themescan analyze, \(jobs) threads | \(fmt(parallelRate)) | \(count(Double(stages.tokens) / median(\.parallel.seconds))) | \(megabytes(peak(\.parallel))) |
            | raw ICU word break, 1 thread, one \(fmt(hanMB)) MB Han run | \(fmt(hanICURate)) | \(count(hanICUTokens / median(\.hanICU.seconds))) | — |
            | themescan analyze, 1 thread, one \(fmt(hanMB)) MB Han run | \(fmt(hanRate)) | — | \(megabytes(peak(\.han))) |

            """
        let jiebaRounds = rounds.compactMap { round in round.jieba.map { (round, $0) } }
        if !jiebaRounds.isEmpty {
            let rate = BenchRound.median(jiebaRounds.map { $0.1.megabytesPerSecond })
            report += "| jieba accurate mode, 1 thread (\(jiebaSize) MB) | \(fmt(rate)) | — | — |\n"
        }
        report += """

            | ratio | value |
            |---|---:|
            | themescan 1 thread / raw ICU | \(fmt(median { $0.icu.seconds / $0.single.seconds })) |
            | themescan \(jobs) threads / 1 thread | \(fmt(median { $0.single.seconds / $0.parallel.seconds })) |
            | Han run / normal text, per MB, 1 thread | \(fmt(median { ($0.single.seconds / corpusMB) / ($0.han.seconds / hanMB) })) |
            | the same for raw ICU word break | \(fmt(median { ($0.icu.seconds / corpusMB) / ($0.hanICU.seconds / hanMB) })) |
            | themescan 1 thread / raw ICU, Han run | \(fmt(median { $0.hanICU.seconds / $0.han.seconds })) |

            """
        if !jiebaRounds.isEmpty {
            func overJieba(_ outcome: (BenchRound) -> ChildProcess.Outcome) -> Double {
                BenchRound.median(jiebaRounds.map { corpusMB / outcome($0.0).seconds / $0.1.megabytesPerSecond })
            }
            report += "| themescan 1 thread / jieba | \(fmt(overJieba(\.single))) |\n"
            report += "| themescan \(jobs) threads / jieba (1 thread) | \(fmt(overJieba(\.parallel))) |\n"
        } else if let note = jiebaNote {
            report += "\njieba: \(note)\n"
        }
        report += "\n| stage (1 thread, in process) | corpus s | share | Han run s | share |\n|---|---:|---:|---:|---:|\n"
        let total = stages.stopwatch.seconds.values.reduce(0, +)
        let hanTotal = hanStages.stopwatch.seconds.values.reduce(0, +)
        for stage in ["read", "decode", "normalize", "segment", "match", "sentences", "count + rows"] {
            let seconds = stages.stopwatch.seconds[stage] ?? 0
            let hanSeconds = hanStages.stopwatch.seconds[stage] ?? 0
            report += "| \(stage) | \(fmt(seconds)) | \(Int((seconds / total * 100).rounded()))% "
            report += "| \(fmt(hanSeconds)) | \(Int((hanSeconds / hanTotal * 100).rounded()))% |\n"
        }
        if !scaling.isEmpty { report += "\n" + scalingTable(scaling) }
        let surveys = try surveyExports(files: files, workFolder: workFolder, binary: binary)
        if !surveys.isEmpty { report += "\n" + surveys }
        report += "\n\(stages.matches) matches.csv rows, \(stages.tokens) tokens; medians of \(rounds.count) round(s); ratios are medians of the ratios within each round.\n"
        print(report)
    }

    /// Runs `themescan analyze` on a survey export of each size in `surveySizes`, with every output, on one
    /// thread and on `jobs`; a table of the times and peak memory, or nothing when no size is asked for.
    private func surveyExports(files: [String], workFolder: URL, binary: String) throws -> String {
        let sizes = surveySizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty else { return "" }
        let columns = surveyColumns > 0 ? ", \(surveyColumns) platform columns" : ""
        var table = """
            | survey export (a case per row, every output\(columns)) | rows | threads | seconds | MB/s | peak RSS |
            |---|---:|---:|---:|---:|---:|

            """
        for size in sizes {
            log("survey export of \(size) MB")
            let (file, rows) = try SurveyExport.write(
                megabytes: size, from: files, into: workFolder.appendingPathComponent("survey-\(size)mb"),
                platformColumns: surveyColumns)
            let megabytes = Double(try totalBytes([file.path])) / 1_048_576
            for threads in Set([1, jobs]).sorted() {
                var outcomes: [ChildProcess.Outcome] = []
                for _ in 0..<max(1, runs) {
                    outcomes.append(try endToEnd(binary, corpus: file, jobs: threads, workFolder: workFolder))
                }
                let seconds = BenchRound.median(outcomes.map(\.seconds))
                let peak = outcomes.map(\.peakResidentBytes).max() ?? 0
                table += "| \(fmt(megabytes)) MB | \(rows) | \(threads) | \(fmt(seconds)) | \(fmt(megabytes / seconds)) | \(self.megabytes(peak)) |\n"
            }
        }
        return table
    }

    /// Loads and matches the generated 500-term and `syntheticTerms`-term codebooks of each kind.
    private func codebookScaling(files: [String], workFolder: URL) throws -> [CodebookScaling.Outcome] {
        guard syntheticTerms > 0 else { return [] }
        var scaling: [CodebookScaling.Outcome] = []
        let generator = CodebookScaling()
        let sample = try prefix(of: files, megabytes: syntheticSampleSize)
        for kind in CodebookScaling.Kind.allCases {
            log("generated codebooks of 500 and \(syntheticTerms) \(kind.label) terms: load, then match \(syntheticSampleSize) MB")
            let small = try generator.writeCodebook(terms: 500, kind: kind, sample: sample, into: workFolder)
            let large = try generator.writeCodebook(terms: syntheticTerms, kind: kind, sample: sample, into: workFolder)
            let pair = try generator.measure(
                codebookPaths: (small, large), terms: (500, syntheticTerms), kind: kind, sample: sample, runs: runs)
            scaling += [pair.small, pair.large]
        }
        return scaling
    }

    /// The generated codebooks' figures, with the large one's speed relative to the 500-term one.
    private func scalingTable(_ scaling: [CodebookScaling.Outcome]) -> String {
        var table = """
            | generated codebook (\(syntheticSampleSize) MB sample, 1 thread, in process) | load + compile s | match stage MB/s | whole analyzer MB/s | matches |
            |---|---:|---:|---:|---:|

            """
        for pair in stride(from: 0, to: scaling.count, by: 2).map({ Array(scaling[$0..<$0 + 2]) }) {
            let kind = pair[0].kind.label
            for outcome in pair {
                table += "| \(outcome.terms) \(kind) | \(fmt(outcome.loadSeconds)) | \(fmt(outcome.matchRate)) | \(fmt(outcome.analyzeRate)) | \(outcome.matches) |\n"
            }
            table += "| speed of \(pair[1].terms) / 500 \(kind) | — | \(fmt(pair[1].matchRate / pair[0].matchRate)) | \(fmt(pair[1].analyzeRate / pair[0].analyzeRate)) | — |\n"
        }
        return table
    }

    /// One run of `themescan analyze` over `corpus`.
    private func endToEnd(_ binary: String, corpus: URL, jobs: Int, workFolder: URL) throws -> ChildProcess.Outcome {
        let output = workFolder.appendingPathComponent("out-\(corpus.lastPathComponent)-\(jobs)").path
        let log = workFolder.appendingPathComponent("log-\(corpus.lastPathComponent)-\(jobs).txt").path
        let arguments = [binary, "analyze", corpus.path, "--lexicon", lexicon, "--out", output, "--jobs", String(jobs)]
        // Each run writes a new folder, as a first run does: replacing the last run's results would time deleting
        // its matches.csv too (hundreds of megabytes).
        try? FileManager.default.removeItem(atPath: output)
        let outcome = ChildProcess.run(arguments, logPath: log)
        guard outcome.status == 0 else {
            throw BenchmarkError.runFailed(command: arguments.joined(separator: " "), status: outcome.status, log: log)
        }
        return outcome
    }

    private func totalBytes(_ files: [String]) throws -> Int {
        try files.reduce(0) { $0 + ((try FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    }

    private func prefix(of files: [String], megabytes: Int) throws -> [String] {
        var chosen: [String] = []
        var bytes = 0
        for file in files where bytes < megabytes << 20 {
            chosen.append(file)
            bytes += (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        }
        return chosen
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data("themescan-bench: \(message)\n".utf8))
    }

    private func fmt(_ value: Double) -> String { String(format: "%.2f", value) }
    private func count(_ value: Double) -> String { String(format: "%.0f", value) }
    private func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
}
