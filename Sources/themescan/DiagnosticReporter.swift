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
        default: return error
        }
        return ExitCode.failure
    }

    func summarize(result: AnalysisResult, errors: Int, warnings: Int) {
        let occurrences = result.tally.codeOccurrences.reduce(0, +)
        var parts = [
            "\(result.documents.count) document(s), \(result.tally.tokens) tokens, \(occurrences) code occurrence(s)"
        ]
        if !result.skippedFiles.isEmpty { parts.append("\(result.skippedFiles.count) file(s) skipped") }
        if errors > 0 { parts.append("\(errors) error(s)") }
        if warnings > 0 { parts.append("\(warnings) warning(s)") }
        note(parts.joined(separator: "; "))
        if !result.skippedFiles.isEmpty {
            note("skipped: " + result.skippedFiles.joined(separator: ", "))
        }
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
