import Foundation
import ThemeScanKit

extension Analyze {
    /// What run.json records of a codebook file: its identity, and its themes, codes and terms.
    static func record(codebook: Codebook, path: String) -> RunProvenance.ConfigurationFile {
        let codes = codebook.themes.flatMap(\.codes)
        return RunProvenance.ConfigurationFile(
            path: path, sha256: digest(of: path), themes: codebook.themes.count, codes: codes.count,
            terms: codes.reduce(0) { $0 + $1.terms.count })
    }

    /// The `run.json` of a finished run with `cases` cases; `digests` holds the inputs already hashed, by path, and
    /// `codebooks` the codebook files as they were loaded.
    func provenance(
        result: AnalysisResult, cases: Int, sources: [DocumentSource], digests: [String: String], diagnostics: [Diagnostic],
        options: TableOptions, codebooks: [RunProvenance.ConfigurationFile], started: Date
    ) throws -> RunProvenance {
        // Counted, not grouped: a survey export has a document per row, and copies of them all were a second list.
        var documentsBySource: [String: (count: Int, format: String, encoding: String)] = [:]
        for document in result.documents {
            documentsBySource[document.source, default: (0, document.format.rawValue, document.encoding)].count += 1
        }
        let skipped = Set(result.skippedFiles)
        var seen: Set<String> = []
        var inputs: [RunProvenance.Input] = []
        for source in sources where seen.insert(source.path).inserted {
            let documents = documentsBySource[source.path] ?? (0, "", "")
            inputs.append(
                RunProvenance.Input(
                    path: source.path, size: Self.size(of: source.path), sha256: digests[source.path] ?? Self.digest(of: source.path),
                    format: documents.format, encoding: documents.encoding,
                    documents: documents.count, skipped: skipped.contains(source.path)))
        }
        let stopwordFiles = stopwords.files.isEmpty ? StopwordOptions.shippedLists() : stopwords.files
        let tally = result.tally
        return RunProvenance(
            tool: ThemeScan.configuration.commandName ?? "themescan", version: ThemeScan.configuration.version,
            commandLine: CommandLine.arguments, label: label, simplifyChinese: !noSimplify,
            speakers: input.speakers.rawValue, options: recordedOptions(), tableOptions: options, inputs: inputs,
            manifest: input.manifest.map { RunProvenance.ConfigurationFile(path: $0, sha256: Self.digest(of: $0)) },
            codebooks: codebooks,
            stopwords: stopwordFiles.map { RunProvenance.ConfigurationFile(path: $0, sha256: Self.digest(of: $0)) },
            totals: RunProvenance.Totals(
                inputs: inputs.count, skippedInputs: result.skippedFiles.count, documents: result.documents.count,
                cases: cases, tokens: tally.tokens, characters: tally.characters,
                occurrences: tally.codeOccurrences.reduce(0, +),
                warnings: diagnostics.filter { $0.severity == .warning }.count,
                errors: diagnostics.filter { $0.severity == .error }.count),
            unmatchedCodes: result.codes.indices.filter { tally.codeOccurrences[$0] == 0 }.map { result.codes[$0].code.id },
            diagnostics: diagnostics.filter { $0.severity != .note }.map(\.description), started: started,
            finished: Date())
    }

    /// The options that change what is read, counted or written, by their command-line names.
    func recordedOptions() -> [String: String] {
        [
            "interviewer": input.interviewer.joined(separator: ","), "text-column": input.textColumn.joined(separator: ","),
            "case-column": input.caseColumn ?? "", "sheet": input.sheet ?? "", "xpath": input.xpath ?? "",
            "case-xpath": input.caseXpath ?? "", "text-xpath": input.textXpath ?? "", "format": input.format?.rawValue ?? "",
            "encoding": input.encoding ?? "", "max-entry-size": String(input.maxEntrySize), "min-chars": String(minChars),
            "kwic-width": String(kwicWidth), "label-language": labelLanguage.joined(separator: ","),
            "group-by": groupBy ?? "",
        ].filter { !$0.value.isEmpty }
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The SHA-256 of a file, or empty when it cannot be read (it was reported when the run read it).
    static func digest(of path: String) -> String {
        (try? SHA256.hexDigest(ofFileAt: path)) ?? ""
    }
}
