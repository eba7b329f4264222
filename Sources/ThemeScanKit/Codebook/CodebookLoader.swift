import Foundation

/// Loads codebooks from YAML (`.yaml`, `.yml`) and CSV (`.csv`) files and checks them.
///
/// Every problem is reported with its file, line and (for YAML) column; all problems of a file are reported at
/// once, so a researcher fixes them in one pass. Warnings (unknown keys, repeated terms) come back with the
/// codebook.
public struct CodebookLoader: Sendable {
    public let classifier: CharacterClassifier

    public init(classifier: CharacterClassifier) {
        self.classifier = classifier
    }

    /// Loads one codebook file.
    public func load(path: String) throws(CodebookError) -> (codebook: Codebook, warnings: [Diagnostic]) {
        let lowered = path.lowercased()
        let isYAML = lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
        guard isYAML || lowered.hasSuffix(".csv") else { throw .unknownFormat(path: path) }
        let text = try Self.readText(path: path)
        return isYAML ? try loadYAML(text, path: path) : try loadCSV(text, path: path)
    }

    /// A codebook file's text: UTF-8, without a byte-order mark.
    static func readText(path: String) throws(CodebookError) -> String {
        let bytes: [UInt8]
        do {
            // A pipe or device named as the codebook is refused rather than read forever.
            bytes = try RegularFile.read(path, limit: IngestionOptions.defaultMaximumFileBytes)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            throw .invalid([Diagnostic(.error, at: SourceLocation(path: path), "codebook is not valid UTF-8")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Checks a parsed codebook: the problems every format shares.
    func validate(_ codebook: Codebook) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var codeLocations: [String: SourceLocation] = [:]
        var themeLocations: [String: SourceLocation] = [:]
        for theme in codebook.themes {
            if let earlier = themeLocations[theme.id] {
                problems.append(Diagnostic(.error, at: theme.location, "duplicate theme id '\(theme.id)' (first defined at \(earlier))"))
            } else {
                themeLocations[theme.id] = theme.location
            }
            for code in theme.codes {
                if let earlier = codeLocations[code.id] {
                    problems.append(Diagnostic(.error, at: code.location, "duplicate code id '\(code.id)' (first defined at \(earlier))"))
                } else {
                    codeLocations[code.id] = code.location
                }
                if code.terms.isEmpty {
                    problems.append(Diagnostic(.error, at: code.location, "code '\(code.id)' has no terms"))
                }
                for term in code.terms + code.exclusions {
                    do {
                        _ = try TermPattern(parsing: term.text, classifier: classifier)
                    } catch {
                        problems.append(Diagnostic(.error, at: term.location, "\(error) (code '\(code.id)')"))
                    }
                }
            }
        }
        return problems
    }
}
