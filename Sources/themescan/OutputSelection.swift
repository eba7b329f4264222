import ArgumentParser
import ThemeScanKit

/// Reads an `--outputs` list such as `csv,html`.
enum OutputSelection {
    static func parse(_ list: String, allowed: [OutputFormat] = OutputFormat.allCases) throws -> Set<OutputFormat> {
        var formats: Set<OutputFormat> = []
        for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            guard let chosen = OutputFormat(rawValue: name), allowed.contains(chosen) else {
                throw ValidationError(
                    "--outputs: unknown output '\(name)'; choose from \(allowed.map(\.rawValue).joined(separator: ", "))")
            }
            formats.insert(chosen)
        }
        guard !formats.isEmpty else { throw ValidationError("--outputs names no output") }
        return formats
    }
}
