import ArgumentParser
import Foundation
import ThemeScanKit

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the theme frequencies of finished analyze runs, such as two years of a survey.",
        discussion: """
            Give the output folders of analyze runs, oldest first. Codes are matched by id. For each code, \
            compare.csv gives every group's occurrences, tokens, rate per 10,000 tokens and share of cases coded, \
            then a log-likelihood test of the rates (G², with log ratio and %DIFF for two groups) and a test of the \
            case shares (chi-square, or Fisher's exact test for small 2×2 tables), p-values adjusted for the \
            number of codes. compare_words.csv does the same for open-vocabulary words.
            """
    )

    @Argument(help: ArgumentHelp("Output folders of analyze runs, oldest first.", valueName: "run-dir"))
    var runs: [String]

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write the comparison into.", valueName: "dir"))
    var output: String

    @Flag(help: "Write into an output folder that holds other files too; they are left alone.")
    var force = false

    @Option(
        help: ArgumentHelp(
            "Names for the runs, comma-separated, in order (default: each run's --label, else its folder name).",
            valueName: "names"))
    var labels: String?

    @Option(help: ArgumentHelp("How p-values are adjusted for the number of codes: bh, bonferroni or none.", valueName: "method"))
    var adjust: PValueAdjustment = .benjaminiHochberg

    @Flag(help: "Compare runs even when they were made with different normalization, speakers or thresholds.")
    var allowMismatch = false

    @Option(help: ArgumentHelp("How many words compare_words.csv keeps (highest G² first).", valueName: "n"))
    var top = 100

    @Option(help: ArgumentHelp("The fewest occurrences, over all runs, a word needs to be tested.", valueName: "n"))
    var minFrequency = 5

    @Option(
        help: ArgumentHelp("The outputs to write, comma-separated, from csv, svg, html, json (default all).", valueName: "list"))
    var outputs = "csv,svg,html,json"

    @Flag(help: "Start every CSV file with a UTF-8 byte order mark, so Excel on Chinese Windows reads it correctly.")
    var excelCsv = false

    func validate() throws {
        guard runs.count >= 2 else { throw ValidationError("give at least two analyze output folders to compare") }
        if let labels, labels.split(separator: ",", omittingEmptySubsequences: false).count != runs.count {
            throw ValidationError("--labels names \(labels.split(separator: ",").count) run(s); \(runs.count) were given")
        }
        guard top >= 1, minFrequency >= 1 else { throw ValidationError("--top and --min-frequency take 1 or more") }
        _ = try OutputSelection.parse(outputs, allowed: [.csv, .svg, .html, .json])
    }

    func run() throws {
        let started = Date()
        let reporter = DiagnosticReporter()
        let interrupts = InterruptHandler()
        do {
            let folders = try runs.map { path throws(RunFolderError) in try RunFolder(path: path) }
            let names = labels.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                ?? folders.map(\.defaultLabel)
            let mismatches = Self.mismatches(folders, labels: names)
            if !mismatches.isEmpty {
                for mismatch in mismatches { reporter.note((allowMismatch ? "warning: " : "error: ") + mismatch) }
                guard allowMismatch else {
                    reporter.fail("the runs were made differently, so their counts do not compare; give --allow-mismatch to compare them anyway")
                    throw ExitCode.failure
                }
            }
            let codes = try GroupComparison(
                groups: zip(folders, names).map { folder, name throws(RunFolderError) in try folder.codeGroup(label: name) },
                adjustment: adjust)
            let words = try WordComparison(
                groups: try zip(folders, names).map { folder, name throws(RunFolderError) in try folder.wordGroup(label: name) },
                options: WordComparisonOptions(minimumFrequency: minFrequency, top: top, adjustment: adjust))
            let warnings = (codes.diagnostics + words.diagnostics).map(\.description)
            warnings.forEach { reporter.note($0) }
            let groups = zip(folders, names).map { folder, name in
                ComparisonOutputs.GroupFacts(
                    label: name, source: folder.path, tokens: folder.provenance.totals.tokens,
                    cases: folder.provenance.totals.cases, documents: folder.provenance.totals.documents)
            }
            // Guarded before the folder exists: a signal the moment it appears must find it to remove.
            defer { interrupts.release() }
            let staging = try OutputDirectory(path: output, ownedNames: RunOutputs.fileNames, force: force)
                .begin(announcing: interrupts.guardStaging)
            do {
                try ComparisonOutputs(
                    codes: codes, words: words, groups: groups,
                    formats: try OutputSelection.parse(outputs, allowed: [.csv, .svg, .html, .json]), excelCSV: excelCsv,
                    warnings: warnings
                ).write(to: staging)
                let compared = zip(folders, names).map { folder, name in
                    ComparisonProvenance.ComparedRun(
                        label: name, folder: folder.path,
                        runSHA256: (try? SHA256.hexDigest(ofFileAt: URL(fileURLWithPath: folder.path)
                            .appendingPathComponent(RunProvenance.fileName).path)) ?? "",
                        tokens: folder.provenance.totals.tokens, cases: folder.provenance.totals.cases)
                }
                let provenance = ComparisonProvenance(
                    tool: "themescan", version: ThemeScan.configuration.version, commandLine: CommandLine.arguments,
                    runs: compared, adjustment: adjust.rawValue, mismatches: mismatches, warnings: warnings,
                    started: started, finished: Date())
                try staging.write(RunProvenance.fileName, contents: provenance.encoded())
                try interrupts.commit(staging)
            } catch {
                staging.discard()
                throw error
            }
            reporter.note("compared \(names.joined(separator: ", ")): \(codes.rows.count) code(s); results written to \(output)")
        } catch let error as ExitCode {
            throw error
        } catch {
            throw reporter.fatal(error)
        }
    }

    /// What differs between the runs in ways that change what their counts mean: normalization, speakers, the
    /// case threshold and how words were counted.
    static func mismatches(_ folders: [RunFolder], labels: [String]) -> [String] {
        func differing(_ name: String, _ value: (RunProvenance) -> String) -> String? {
            let values = folders.map { value($0.provenance) }
            guard Set(values).count > 1 else { return nil }
            return "\(name) differs: " + zip(labels, values).map { "\($0) \($1)" }.joined(separator: ", ")
        }
        return [
            differing("Traditional-to-Simplified conversion") { $0.simplifyChinese ? "on" : "off (--no-simplify)" },
            differing("--speakers") { $0.speakers },
            differing("--min-occurrences") { String($0.tableOptions.minimumOccurrences) },
            differing("--min-chars") { $0.options["min-chars"] ?? "2" },
        ].compactMap { $0 }
    }
}

extension PValueAdjustment: ExpressibleByArgument {}
