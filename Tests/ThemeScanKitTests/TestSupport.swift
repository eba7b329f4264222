import Foundation
import Testing

@testable import ThemeScanKit

/// Paths and builders shared by the tests.
enum TestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The repository root, for the shipped codebook and stopword lists.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let classifier = CharacterClassifier()

    /// A codebook from YAML text, as if read from `inline.yaml`.
    static func codebook(_ yaml: String) throws -> Codebook {
        try CodebookLoader(classifier: classifier).loadYAML(yaml, path: "inline.yaml").codebook
    }

    /// A matcher for YAML codebook text.
    static func matcher(_ yaml: String, simplify: Bool = true) throws -> Matcher {
        return try Matcher(
            codebook: try codebook(yaml), normalization: NormalizationOptions(simplifyChinese: simplify), classifier: classifier)
    }

    /// A codebook of one theme whose codes have the given terms (and exclusions).
    static func matcher(codes: [(id: String, terms: [String], exclude: [String])], simplify: Bool = true) throws -> Matcher {
        var yaml = "version: 1\nname: test\nthemes:\n  - id: t\n    codes:\n"
        for code in codes {
            yaml += "      - id: \(code.id)\n        terms: [\(code.terms.map(quoted).joined(separator: ", "))]\n"
            if !code.exclude.isEmpty {
                yaml += "        exclude: [\(code.exclude.map(quoted).joined(separator: ", "))]\n"
            }
        }
        return try matcher(yaml, simplify: simplify)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Analyzes one text as a document.
    static func analyze(_ text: String, with matcher: Matcher) throws -> DocumentAnalysis {
        let document = Document(
            id: "doc", caseID: "doc", source: "doc.txt", format: .text, encoding: "UTF-8", text: text,
            segments: [Segment(text: text, start: 0)])
        return try DocumentAnalyzer(matcher: matcher).analyze(document, index: 0)
    }

    /// A temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("themescan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Text with its expected matches marked as `[[surface|code,code]]`.
struct MarkedText {
    struct Expected: Equatable, CustomStringConvertible {
        var start: Int
        var end: Int
        var surface: String
        var codes: [String]
        var description: String { "\(surface)@\(start)..<\(end)\(codes)" }
    }

    var text: String
    var expected: [Expected]

    init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var expected: [Expected] = []
        var scalars = Array(marked.unicodeScalars)[...]
        while !scalars.isEmpty {
            if scalars.starts(with: "[[".unicodeScalars) {
                scalars = scalars.dropFirst(2)
                let bar = scalars.firstIndex(of: "|")!
                let close = scalars[bar...].firstIndex(of: "]")!
                let surface = String(String.UnicodeScalarView(scalars[..<bar]))
                let codes = String(String.UnicodeScalarView(scalars[(bar + 1)..<close])).split(separator: ",").map(String.init)
                let start = text.count
                text.append(contentsOf: surface.unicodeScalars)
                expected.append(Expected(start: start, end: text.count, surface: surface, codes: codes))
                scalars = scalars[(close + 2)...]
            } else {
                text.append(scalars.removeFirst())
            }
        }
        self.text = String(text)
        self.expected = expected
    }

    /// What the matcher found, in the same shape, checking each surface against the original text on the way.
    func found(by matcher: Matcher) throws -> [Expected] {
        let analysis = try TestSupport.analyze(text, with: matcher)
        let scalars = Array(text.unicodeScalars)
        return analysis.matches.map { match in
            let original = String(String.UnicodeScalarView(scalars[match.start..<match.end]))
            #expect(original == match.surface, "offsets \(match.start)..<\(match.end) must cut out the surface")
            return Expected(
                start: match.start, end: match.end, surface: match.surface,
                codes: match.credits.map { matcher.codes[$0.code].code.id })
        }
    }
}
