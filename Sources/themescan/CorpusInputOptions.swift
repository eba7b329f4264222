import ArgumentParser
import Foundation
import ThemeScanKit

/// The inputs of a run and how to read them, as `analyze` takes them, for commands that analyze a corpus
/// themselves (`export qdpx`).
struct CorpusInputOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files or folders to analyze; with --manifest alone, the files it lists.", valueName: "input"))
    var inputs: [String] = []

    @Option(
        help: ArgumentHelp(
            "A CSV file describing the inputs: `file`, then `case`, `year`, `interviewer`, reading settings and any other metadata.",
            valueName: "file"))
    var manifest: String?

    @Option(help: ArgumentHelp("Which speakers' turns to count: all, respondent (drops interviewer turns) or interviewer."))
    var speakers: SpeakerSelection = .all

    @Option(
        help: ArgumentHelp(
            "A speaker label that marks interviewer turns, added to the built-in list (访谈者, 主持人, 问, Interviewer, Q…); repeatable.",
            valueName: "label"))
    var interviewer: [String] = []

    @Option(
        help: ArgumentHelp(
            "A spreadsheet column holding free text, by header, 1-based number or letter; repeatable. Default: chosen from the data.",
            valueName: "column"))
    var textColumn: [String] = []

    @Option(help: ArgumentHelp("The spreadsheet column naming each row's case (program).", valueName: "column"))
    var caseColumn: String?

    @Option(help: ArgumentHelp("The XLSX sheet to read, by name or 1-based number (default: the first).", valueName: "sheet"))
    var sheet: String?

    @Option(help: ArgumentHelp("HTML: keep only these nodes. XML: one document per matched node.", valueName: "expr"))
    var xpath: String?

    @Option(help: ArgumentHelp("XML: the case of each --xpath node, relative to it.", valueName: "expr"))
    var caseXpath: String?

    @Option(help: ArgumentHelp("XML: the text of each --xpath node, relative to it.", valueName: "expr"))
    var textXpath: String?

    @Option(help: ArgumentHelp("Read every input as this format instead of sniffing it.", valueName: "format"))
    var format: DocumentFormat?

    @Option(
        help: ArgumentHelp(
            "Decode text inputs with this encoding (GB18030, Big5, UTF-16LE, Shift_JIS…) instead of detecting it.",
            valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("The most MiB one entry of a .docx or .xlsx may inflate to.", valueName: "mib"))
    var maxEntrySize: Int = IngestionOptions.defaultMaximumEntryBytes >> 20

    @Flag(name: .customLong("no-simplify"), help: "Do not convert Traditional Chinese to Simplified before matching.")
    var noSimplify = false

    @Option(help: ArgumentHelp("Documents analyzed at once; the default is the number of cores.", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard !inputs.isEmpty || manifest != nil else {
            throw ValidationError("give files or folders to analyze, or a --manifest listing them")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxEntrySize >= 1 else { throw ValidationError("--max-entry-size must be at least 1 (MiB)") }
        if (caseXpath != nil || textXpath != nil) && xpath == nil {
            throw ValidationError("--case-xpath and --text-xpath are relative to --xpath; give --xpath too")
        }
    }

    /// The files to read, described by the manifest when there is one, with what walking and the manifest found.
    func sources() throws(IngestionError) -> (sources: [DocumentSource], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var loadedManifest: Manifest?
        if let manifest {
            let (loaded, warnings) = try Manifest.load(path: manifest)
            diagnostics += warnings
            loadedManifest = loaded
        }
        var walker = InputWalker(excluding: loadedManifest.map { [$0.path] } ?? [])
        var sources = walker.sources(for: inputs.isEmpty ? loadedManifest?.files ?? [] : inputs)
        diagnostics += walker.diagnostics
        if let loadedManifest {
            let (described, warnings) = loadedManifest.apply(to: sources)
            sources = described
            diagnostics += warnings
        }
        return (sources, diagnostics)
    }

    /// How inputs are read, from the options.
    var ingestionOptions: IngestionOptions {
        var labels = IngestionOptions.defaultInterviewerLabels
        labels += interviewer.filter { !labels.contains($0) }
        return IngestionOptions(
            format: format, encoding: encoding, interviewerLabels: labels, textColumns: textColumn,
            caseColumn: caseColumn, sheet: sheet, xpath: xpath, caseXPath: caseXpath, textXPath: textXpath,
            maximumEntryBytes: maxEntrySize << 20)
    }

    var normalization: NormalizationOptions { NormalizationOptions(simplifyChinese: !noSimplify) }
}
