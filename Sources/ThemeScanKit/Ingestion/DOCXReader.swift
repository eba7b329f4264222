/// Reads Word `.docx` files: the paragraphs of the main document, in reading order, as one document cut into
/// speaker turns like a text transcript.
///
/// The text of a paragraph is the text of all its runs joined, because Word splits words across runs (spelling
/// marks, bookmarks, formatting changes). Tracked deletions and field instructions are left out, insertions kept;
/// tabs and breaks become whitespace; each table cell paragraph becomes a line of its own.
public struct DOCXReader: DocumentReader {
    static let wordNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    static let markupCompatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    static let legacyAdvice =
        "this is a legacy Word .doc file or a password-protected Office file, which cannot be read; open it in "
        + "Word and save it as .docx without a password"

    public var options: IngestionOptions
    public var maximumEntryBytes: Int { options.maximumEntryBytes }

    public init(options: IngestionOptions = IngestionOptions()) {
        self.options = options
    }

    public func read(_ bytes: consuming [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult {
        let content = try Self.content(of: bytes, path: source.path, maximumEntryBytes: maximumEntryBytes)
        let text = content.paragraphs.joined(separator: "\n")
        let document = Document(
            id: source.id, caseID: source.caseID ?? source.id, source: source.path, format: .docx,
            encoding: "UTF-8", metadata: DocumentMetadata(source.metadata), text: text,
            segments: TranscriptParser(classifier: SpeakerRoleClassifier(options: options, source: source))
                .segments(in: text, format: .docx))
        return ReadResult(documents: [document], warnings: content.warnings)
    }

    /// The paragraphs of the `.docx` in `bytes`, in reading order; table cell paragraphs one each.
    public static func paragraphs(in bytes: [UInt8], path: String, maximumEntryBytes: Int) throws(IngestionError)
        -> [String]
    {
        try content(of: bytes, path: path, maximumEntryBytes: maximumEntryBytes).paragraphs
    }

    /// The paragraphs of the `.docx` in `bytes`, with a warning when its main part declares external entities.
    static func content(of bytes: [UInt8], path: String, maximumEntryBytes: Int) throws(IngestionError)
        -> (paragraphs: [String], warnings: [Diagnostic])
    {
        if OLECompoundFile.matches(bytes) { throw .unsupportedFormat(path: path, advice: legacyAdvice) }
        let package = try OfficePackage(bytes: bytes, path: path, maximumEntryBytes: maximumEntryBytes)
        let main = try package.requiredMainPart(
            fallback: "word/document.xml", kind: "a Word document", advice: "save it as .docx from Word")
        let tree = try package.xml(main)
        var paragraphs: [String] = []
        if let root = tree.root { collectBlocks(in: root, into: &paragraphs) }
        let warnings = XMLReader.externalEntityWarning(in: tree, path: path, part: main).map { [$0] } ?? []
        return (paragraphs, warnings)
    }

    private static func isWord(_ node: XMLNode) -> Bool {
        node.kind == .element && wordNamespaces.contains(node.namespaceURI ?? "")
    }

    private static func isAlternateContent(_ node: XMLNode) -> Bool {
        node.localName == "AlternateContent" && node.namespaceURI == markupCompatibilityNamespace
    }

    /// Collects the paragraphs of block-level content: the body, table cells, content controls.
    private static func collectBlocks(in node: XMLNode, into paragraphs: inout [String]) {
        for child in node.elementChildren {
            if isAlternateContent(child) {
                // The choice and its fallback hold the same content; reading both would count it twice.
                if let choice = child.elementChildren.first { collectBlocks(in: choice, into: &paragraphs) }
                continue
            }
            guard isWord(child) else {
                collectBlocks(in: child, into: &paragraphs)
                continue
            }
            switch child.localName {
            case "p":
                var text = ""
                var nested: [String] = []
                appendInlineText(of: child, to: &text, nested: &nested)
                paragraphs.append(text)
                paragraphs.append(contentsOf: nested)
            case "del", "moveFrom", "sectPr", "tblPr", "tblGrid", "trPr", "tcPr":
                continue
            default:
                collectBlocks(in: child, into: &paragraphs)
            }
        }
    }

    /// Appends the text of a paragraph's runs; paragraphs inside it (text boxes) go to `nested`.
    private static func appendInlineText(of node: XMLNode, to text: inout String, nested: inout [String]) {
        for child in node.elementChildren {
            if isAlternateContent(child) {
                if let choice = child.elementChildren.first { appendInlineText(of: choice, to: &text, nested: &nested) }
                continue
            }
            guard isWord(child) else {
                appendInlineText(of: child, to: &text, nested: &nested)
                continue
            }
            switch child.localName {
            case "t": text += child.textContent
            case "tab", "ptab": text += "\t"
            case "br", "cr": text += "\n"
            case "noBreakHyphen": text += "-"
            case "p", "tbl", "txbxContent":
                var inner: [String] = []
                if child.localName == "p" {
                    var innerText = ""
                    appendInlineText(of: child, to: &innerText, nested: &inner)
                    inner.insert(innerText, at: 0)
                } else {
                    collectBlocks(in: child, into: &inner)
                }
                nested.append(contentsOf: inner)
            case "del", "moveFrom", "delText", "instrText", "delInstrText", "rPr", "pPr", "footnoteReference",
                "endnoteReference", "commentReference":
                continue
            default:
                appendInlineText(of: child, to: &text, nested: &nested)
            }
        }
    }
}
