import Foundation
import Yams

extension CodebookLoader {
    /// The codebook format versions this loader reads.
    static let supportedVersions = [1]

    func loadYAML(_ text: String, path: String) throws(CodebookError) -> (codebook: Codebook, warnings: [Diagnostic]) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw CodebookError.invalid([Diagnostic(.error, at: SourceLocation(path: path), "codebook is empty")])
            }
            root = node
        } catch let error as CodebookError {
            throw error
        } catch {
            throw .invalid([Self.syntaxDiagnostic(error, path: path)])
        }
        var reader = YAMLCodebookReader(path: path)
        let codebook = reader.read(root)
        let problems = reader.problems + validate(codebook)
        guard problems.isEmpty else { throw .invalid(problems) }
        return (codebook, reader.warnings)
    }

    static func syntaxDiagnostic(_ error: any Error, path: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(.error, at: SourceLocation(path: path), "invalid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            return Diagnostic(
                .error, at: SourceLocation(path: path, line: mark.line, column: mark.column),
                "invalid YAML: \(detail)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(
                .error, at: SourceLocation(path: path, line: context.mark.line, column: context.mark.column),
                "invalid YAML: duplicate key \(keys) in this mapping")
        default:
            return Diagnostic(.error, at: SourceLocation(path: path), "invalid YAML: \(yamlError)")
        }
    }
}

/// Walks a composed YAML document into a codebook, collecting located problems instead of stopping at the first.
private struct YAMLCodebookReader {
    let path: String
    var problems: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    mutating func read(_ root: Node) -> Codebook {
        guard let mapping = root.mapping else {
            fail(root, "the codebook must be a mapping with 'version', 'name' and 'themes'")
            return Codebook(name: "", themes: [], sources: [path])
        }
        let fields = fieldsOf(mapping, allowed: ["version", "name", "themes", "description"])
        if let version = fields["version"] {
            if let number = version.int, !CodebookLoader.supportedVersions.contains(number) {
                fail(version, "unknown codebook version \(number) (this version of themescan reads version 1)")
            } else if version.int == nil {
                fail(version, "'version' must be a number (1)")
            }
        } else {
            fail(root, "missing 'version: 1'")
        }
        let name = fields["name"].flatMap { scalarString($0, field: "name") } ?? ""
        var themes: [Theme] = []
        if let themeList = fields["themes"] {
            for node in sequence(themeList, field: "themes") {
                if let theme = readTheme(node) { themes.append(theme) }
            }
        } else {
            fail(root, "missing 'themes'")
        }
        return Codebook(name: name, themes: themes, sources: [path], descriptionText: description(fields))
    }

    private mutating func description(_ fields: [String: Node]) -> String? {
        fields["description"].flatMap { scalarString($0, field: "description") }
    }

    private mutating func readTheme(_ node: Node) -> Theme? {
        guard let mapping = node.mapping else {
            fail(node, "a theme must be a mapping with 'id', 'label' and 'codes'")
            return nil
        }
        let fields = fieldsOf(mapping, allowed: ["id", "label", "codes", "description"])
        guard let id = requiredID(fields["id"], in: node, kind: "theme") else { return nil }
        var codes: [Code] = []
        if let codeList = fields["codes"] {
            for codeNode in sequence(codeList, field: "codes") {
                if let code = readCode(codeNode) { codes.append(code) }
            }
        } else {
            fail(node, "theme '\(id)' has no 'codes'")
        }
        return Theme(
            id: id, label: readLabel(fields["label"]), codes: codes, descriptionText: description(fields), at: location(node))
    }

    private mutating func readCode(_ node: Node) -> Code? {
        guard let mapping = node.mapping else {
            fail(node, "a code must be a mapping with 'id', 'label' and 'terms'")
            return nil
        }
        let fields = fieldsOf(mapping, allowed: ["id", "label", "terms", "exclude", "description"])
        guard let id = requiredID(fields["id"], in: node, kind: "code") else { return nil }
        let terms = fields["terms"].map { readTerms($0, field: "terms") } ?? []
        let exclusions = fields["exclude"].map { readTerms($0, field: "exclude") } ?? []
        return Code(
            id: id, label: readLabel(fields["label"]), terms: terms, exclusions: exclusions,
            descriptionText: description(fields), at: location(node))
    }

    private mutating func readTerms(_ node: Node, field: String) -> [Term] {
        // A single term may be written without brackets.
        let items = node.scalar != nil ? [node] : sequence(node, field: field)
        var terms: [Term] = []
        for item in items {
            guard let text = scalarString(item, field: field) else { continue }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                fail(item, "empty term in '\(field)'")
                continue
            }
            terms.append(Term(text, at: location(item)))
        }
        return terms
    }

    private mutating func readLabel(_ node: Node?) -> Label {
        guard let node else { return Label() }
        if let text = node.scalar?.string { return Label(["default": text]) }
        guard let mapping = node.mapping else {
            fail(node, "a label must be text or a mapping of languages, as {zh: 抑郁, en: Depression}")
            return Label()
        }
        var texts: [String: String] = [:]
        for (key, value) in mapping {
            guard let language = key.string, let text = scalarString(value, field: "label") else { continue }
            texts[language] = text
        }
        return Label(texts)
    }

    private mutating func requiredID(_ node: Node?, in parent: Node, kind: String) -> String? {
        guard let node else {
            fail(parent, "\(kind) without 'id'")
            return nil
        }
        guard let id = scalarString(node, field: "id"), !id.isEmpty else {
            fail(node, "\(kind) id must be non-empty text")
            return nil
        }
        return id
    }

    private mutating func fieldsOf(_ mapping: Node.Mapping, allowed: Set<String>) -> [String: Node] {
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !allowed.contains(name) {
                warnings.append(
                    Diagnostic(.warning, at: location(key), "unknown key '\(name)' ignored (expected one of \(allowed.sorted().joined(separator: ", ")))"))
            }
            fields[name] = value
        }
        return fields
    }

    private mutating func sequence(_ node: Node, field: String) -> [Node] {
        guard let sequence = node.sequence else {
            fail(node, "'\(field)' must be a list")
            return []
        }
        return Array(sequence)
    }

    private mutating func scalarString(_ node: Node, field: String) -> String? {
        guard let scalar = node.scalar else {
            fail(node, "'\(field)' must be text")
            return nil
        }
        return scalar.string
    }

    private func location(_ node: Node) -> SourceLocation {
        SourceLocation(path: path, line: node.mark?.line, column: node.mark?.column)
    }

    private mutating func fail(_ node: Node, _ message: String) {
        problems.append(Diagnostic(.error, at: location(node), message))
    }
}
