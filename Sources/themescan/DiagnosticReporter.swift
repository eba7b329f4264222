import ArgumentParser
import Foundation
import ThemeScanKit

/// Prints diagnostics and the end-of-run summary on standard error.
struct DiagnosticReporter {
    func report(_ diagnostic: Diagnostic) {
        write(diagnostic.description)
    }

    func note(_ message: String) {
        write("themescan: \(message)")
    }

    func fail(_ message: String) {
        write(message.contains(": error: ") || message.hasPrefix("error:") ? message : "themescan: error: \(message)")
    }

    /// Prints a fatal error of the library and turns it into a failing exit; errors of the command line's own
    /// (argument errors, exit codes) pass through for ArgumentParser to handle.
    func fatal(_ error: any Error) -> any Error {
        switch error {
        case let error as TextError: fail("error: \(error)")
        case let error as IngestionError: fail(error.description)
        case let error as CodebookError: fail(error.description)
        case let error as OutputError: fail(error.description)
        case let error as DiscoveryError: fail(error.description)
        case let error as ExportError: fail(error.description)
        case let error as MergeError: fail(error.description)
        case let error as RunFolderError: fail(error.description)
        case let error as ComparisonError: fail("error: \(error.description)")
        case let error as FileDigestError: fail(error.description)
        case let error as WorkbookError: fail(error.description)
        case let error as MarkupError: fail("error: \(error)")
        default: return error
        }
        return ExitCode.failure
    }

    /// Prints the end-of-run summary of an analysis and returns how many errors the run met.
    @discardableResult
    func summarize(result: AnalysisResult, diagnostics: [Diagnostic]) -> Int {
        let occurrences = result.tally.codeOccurrences.reduce(0, +)
        return summarize(
            "\(result.documents.count) document(s), \(result.tally.tokens) tokens, \(occurrences) code occurrence(s)",
            skippedFiles: result.skippedFiles, diagnostics: diagnostics)
    }

    /// Prints a summary line (what was counted, skipped files, errors and warnings), then the skipped files;
    /// returns how many errors the run met.
    @discardableResult
    func summarize(_ counts: String, skippedFiles: [String], diagnostics: [Diagnostic]) -> Int {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var parts = [counts]
        if !skippedFiles.isEmpty { parts.append("\(skippedFiles.count) file(s) skipped") }
        if errors > 0 { parts.append("\(errors) error(s)") }
        if warnings > 0 { parts.append("\(warnings) warning(s)") }
        note(parts.joined(separator: "; "))
        if !skippedFiles.isEmpty {
            note("skipped: " + skippedFiles.joined(separator: ", "))
        }
        return errors
    }

    /// Loads and combines the codebooks, reporting their warnings.
    func loadCodebook(_ paths: [String], classifier: CharacterClassifier) throws(CodebookError) -> Codebook {
        try loadCodebooks(paths, classifier: classifier).combined
    }

    /// The codebooks at `paths` combined into one, and each as its file gave it, in order.
    func loadCodebooks(
        _ paths: [String], classifier: CharacterClassifier
    ) throws(CodebookError) -> (combined: Codebook, files: [Codebook]) {
        let loader = CodebookLoader(classifier: classifier)
        var codebooks: [Codebook] = []
        for path in paths {
            let (codebook, warnings) = try loader.load(path: path)
            warnings.forEach(report)
            codebooks.append(codebook)
        }
        return (try Codebook.combining(codebooks), codebooks)
    }

    private func write(_ line: String) {
        // The throwing write: the old one stops the program when standard error is a closed pipe or a file past a
        // size limit, and a message that cannot be shown must not end a run whose results can still be written.
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }
}
