/// Reads XML files: all their text as one document, or one document per node `IngestionOptions.xpath` selects.
///
/// With `xpath`, each node is document `file#node-N` (N counting from 1), its case the string value of
/// `caseXPath` evaluated from the node, and its text that of `textXPath` from the node (all its text when nil).
/// Namespace prefixes declared on the root element may be used in the expressions. External entities are never
/// fetched and entity expansion stays within libxml2's default limits.
public struct XMLReader: DocumentReader {
    public var options: IngestionOptions

    public init(options: IngestionOptions = IngestionOptions()) {
        self.options = options
    }

    public func read(_ bytes: consuming [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult {
        let path = source.path
        let tree: XMLTree
        do {
            tree = try XMLTree(xml: bytes)
        } catch {
            guard case .notWellFormed(let line, let column, let reason) = error else {
                throw .malformed(at: SourceLocation(path: path), reason: "\(error)")
            }
            throw .malformed(
                at: SourceLocation(path: path, line: line, column: column), reason: "not well-formed XML: \(reason)")
        }
        let encoding = tree.declaredEncoding.flatMap(TextDecoder.canonicalName) ?? "UTF-8"
        let entityWarnings = Self.externalEntityWarning(in: tree, path: path).map { [$0] } ?? []
        guard let xpath = options.xpath else {
            let text = tree.root.map { Self.text(of: $0) } ?? ""
            return ReadResult(
                documents: [document(source.id, caseID: source.caseID ?? source.id, text, source, encoding)],
                warnings: entityWarnings)
        }
        let namespaces = tree.root?.namespaceDeclarations.filter { !$0.key.isEmpty } ?? [:]
        let nodes = try evaluate(xpath, option: "--xpath", in: tree, from: nil, namespaces: namespaces, path: path).nodes
        guard !nodes.isEmpty else {
            let warning = Diagnostic(
                .warning, at: SourceLocation(path: path), "--xpath \(xpath) matches nothing in this file; no document read from it")
            return ReadResult(documents: [], warnings: entityWarnings + [warning])
        }
        var documents: [Document] = []
        for (index, node) in nodes.enumerated() {
            let id = "\(source.id)#node-\(index + 1)"
            var text = Self.text(of: node)
            if let textXPath = options.textXPath {
                let result = try evaluate(textXPath, option: "--text-xpath", in: tree, from: node, namespaces: namespaces, path: path)
                switch result {
                case .nodes(let selected): text = selected.map { Self.text(of: $0) }.joined(separator: "\n")
                case .value(let value): text = value
                }
            }
            var caseID = source.caseID ?? id
            if let caseXPath = options.caseXPath {
                let result = try evaluate(caseXPath, option: "--case-xpath", in: tree, from: node, namespaces: namespaces, path: path)
                let value: String
                switch result {
                case .nodes(let selected): value = selected.first?.textContent ?? ""
                case .value(let string): value = string
                }
                let trimmed = value.trimmingWhitespace()
                if !trimmed.isEmpty { caseID = trimmed }
            }
            documents.append(document(id, caseID: caseID, text, source, encoding))
        }
        return ReadResult(documents: documents, warnings: entityWarnings)
    }

    /// A warning naming the external entities `tree` declares, which are never read (no file or URL a document
    /// points to is opened), so the text of their references is missing; nil when there are none. `part` names the
    /// part of a package the tree came from.
    static func externalEntityWarning(in tree: XMLTree, path: String, part: String? = nil) -> Diagnostic? {
        let names = tree.externalEntityNames
        guard !names.isEmpty else { return nil }
        let listed = names.map { "&\($0);" }.joined(separator: ", ")
        let place = part.map { "\($0) declares" } ?? "the file declares"
        return Diagnostic(
            .warning, at: SourceLocation(path: path),
            "\(place) external entities (\(listed)); ThemeScan never reads the files or URLs a document points to, "
                + "so their text is left out")
    }

    private func document(_ id: String, caseID: String, _ text: String, _ source: DocumentSource, _ encoding: String) -> Document {
        Document(
            id: id, caseID: caseID, source: source.path, format: .xml, encoding: encoding, metadata: DocumentMetadata(source.metadata),
            text: text, segments: [Segment(text: text, start: 0)])
    }

    private func evaluate(
        _ expression: String, option: String, in tree: XMLTree, from node: XMLNode?, namespaces: [String: String],
        path: String
    ) throws(IngestionError) -> XPathResult {
        do {
            return try tree.evaluate(expression, from: node, namespaces: namespaces)
        } catch {
            throw .malformed(at: SourceLocation(path: path), reason: "\(error); check \(option)")
        }
    }

    /// The text of a node: an element holding text of its own gives its whole text as one line; other elements
    /// give the lines of their children, so separate fields come out on separate lines.
    static func text(of node: XMLNode) -> String {
        var lines: [String] = []
        collect(node, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func collect(_ node: XMLNode, into lines: inout [String]) {
        switch node.kind {
        case .text, .cdata, .entityReference, .attribute:
            let text = node.textContent.trimmingWhitespace()
            if !text.isEmpty { lines.append(text) }
        case .element, .document:
            let children = node.children
            let holdsText = children.contains { child in
                (child.kind == .text || child.kind == .cdata || child.kind == .entityReference)
                    && !child.textContent.trimmingWhitespace().isEmpty
            }
            if holdsText {
                let text = children.filter { $0.kind != .comment }.map(inlineText).joined().trimmingWhitespace()
                if !text.isEmpty { lines.append(text) }
            } else {
                for child in children { collect(child, into: &lines) }
            }
        default:
            return
        }
    }

    /// All text inside a node except comments and processing instructions.
    private static func inlineText(_ node: XMLNode) -> String {
        switch node.kind {
        case .text, .cdata, .entityReference: return node.textContent
        case .element: return node.children.map(inlineText).joined()
        default: return ""
        }
    }
}
