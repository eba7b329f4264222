/// Reads HTML pages: their visible text as one document, or only the nodes `IngestionOptions.xpath` selects.
///
/// The bytes are decoded with `TextDecoder`, which honours the page's declared charset (`<meta charset>` or a
/// `Content-Type` meta, found in the first 1024 bytes) and reads undeclared valid UTF-8 as UTF-8.
public struct HTMLReader: DocumentReader {
    public var options: IngestionOptions

    public init(options: IngestionOptions = IngestionOptions()) {
        self.options = options
    }

    /// When `xpath` selects nothing the file gives no document, with a warning: an empty document would count
    /// as a page that mentions no code and lower every per-document share, while the page most likely just has
    /// another layout (an error page, another template) that the user should look at.
    public func read(_ bytes: consuming [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult {
        let page = try HTMLPage(bytes: bytes, path: source.path, encoding: options.encoding)
        var warnings = page.warnings
        let nodes: [XMLNode]
        if let xpath = options.xpath {
            do {
                nodes = try page.tree.evaluate(xpath).nodes
            } catch {
                throw .malformed(at: SourceLocation(path: source.path), reason: "\(error); check --xpath")
            }
            if nodes.isEmpty {
                warnings.append(
                    Diagnostic(
                        .warning, at: SourceLocation(path: source.path),
                        "--xpath \(xpath) matches nothing in this page; no document read from it"))
                return ReadResult(documents: [], warnings: warnings)
            }
        } else {
            nodes = page.tree.root.map { [$0] } ?? []
        }
        let text = HTMLTextExtractor.text(of: nodes)
        let document = Document(
            id: source.id, caseID: source.caseID ?? source.id, source: source.path, format: .html,
            encoding: page.encoding, metadata: DocumentMetadata(source.metadata), text: text, segments: [Segment(text: text, start: 0)])
        return ReadResult(documents: [document], warnings: warnings)
    }
}
