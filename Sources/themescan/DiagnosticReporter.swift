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
