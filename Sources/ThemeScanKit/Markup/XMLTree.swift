import Foundation
import CLibXML2

/// A parsed XML or HTML document owned by libxml2 and freed with this object.
///
/// XML is parsed without network access, DTD loading or entity substitution, and within libxml2's default
/// limits, so external entities are never fetched and entity bombs fail with a located error; so does a tree whose
/// entity references would expand to more than 4 times the document's size plus 1 MiB (one large entity referenced
/// many times).
public final class XMLTree {
    let document: OpaquePointer
    /// For HTML: the problem that stopped the parse before the end of the page (elements nested deeper than
    /// libxml2's limit of 256), so the text after `line` is missing; nil when the whole page was read.
    public let stop: (line: Int?, reason: String)?

    private init(document: OpaquePointer, stop: (line: Int?, reason: String)? = nil) {
        self.document = document
        self.stop = stop
    }

    deinit {
        cxml_document_free(document)
    }

    /// The version of libxml2 in use, such as "20914".
    public static var libraryVersion: String { String(cString: cxml_version()) }

    /// Parses well-formed XML; throws `.notWellFormed` with the first problem's line.
    public convenience init(xml bytes: [UInt8]) throws(MarkupError) {
        var error = cxml_error()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cxml_parse_xml($0.baseAddress, Int32(clamping: $0.count), nil, &error) }
        }
        guard let document else { throw Self.parseError(error) }
        self.init(document: document)
    }

    /// Parses HTML leniently. `encoding` names the encoding of the bytes (winning over the page's meta charset);
    /// nil lets libxml2 follow the page's own declaration.
    public convenience init(html bytes: [UInt8], encoding: String?) throws(MarkupError) {
        var error = cxml_error()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                cxml_parse_html($0.baseAddress, Int32(clamping: $0.count), encoding, &error)
            }
        }
        guard let document else { throw Self.parseError(error) }
        guard error.code != 0 else {
            self.init(document: document)
            return
        }
        self.init(document: document, stop: (error.line > 0 ? Int(error.line) : nil, Self.message(of: error)))
    }

    /// The encoding the document declared, such as `GB2312`; nil when it declared none (UTF-8 or UTF-16).
    public var declaredEncoding: String? {
        cxml_document_encoding(document).map { String(cString: $0) }
    }

    /// The names of the external entities the document declares (never loaded, so their references stand for no
    /// text), sorted.
    public var externalEntityNames: [String] {
        let count = Int(cxml_document_external_entities(document, nil, 0))
        guard count > 0 else { return [] }
        var names = [UnsafePointer<CChar>?](repeating: nil, count: count)
        let written = Int(cxml_document_external_entities(document, &names, Int32(count)))
        return names.prefix(min(written, count)).compactMap { $0.map { String(cString: $0) } }.sorted()
    }

    /// The root element; nil for a document without one (an empty HTML page).
    public var root: XMLNode? {
        cxml_document_root(document).map { XMLNode(tree: self, pointer: $0) }
    }

    /// Evaluates an XPath 1.0 expression from `context` (the document when nil); `namespaces` maps the prefixes
    /// the expression uses to namespace URIs.
    public func evaluate(
        _ expression: String, from context: XMLNode? = nil, namespaces: [String: String] = [:]
    ) throws(MarkupError) -> XPathResult {
        var error = cxml_error()
        let pairs = namespaces.sorted { $0.key < $1.key }
        let prefixes = pairs.map { strdup($0.key) }
        let uris = pairs.map { strdup($0.value) }
        defer {
            prefixes.forEach { free($0) }
            uris.forEach { free($0) }
        }
        let constPrefixes = prefixes.map { UnsafePointer<CChar>($0) }
        let constURIs = uris.map { UnsafePointer<CChar>($0) }
        let result = constPrefixes.withUnsafeBufferPointer { prefixBuffer in
            constURIs.withUnsafeBufferPointer { uriBuffer in
                cxml_xpath_evaluate(
                    document, context?.pointer, expression, prefixBuffer.baseAddress, uriBuffer.baseAddress,
                    Int32(pairs.count), &error)
            }
        }
        guard let result else {
            throw .invalidXPath(expression: expression, reason: Self.message(of: error))
        }
        defer { cxml_xpath_result_free(result) }
        if cxml_xpath_result_is_node_set(result) != 0 {
            let count = cxml_xpath_result_count(result)
            var nodes: [XMLNode] = []
            nodes.reserveCapacity(Int(count))
            for index in 0..<count {
                if let node = cxml_xpath_result_node(result, index) { nodes.append(XMLNode(tree: self, pointer: node)) }
            }
            return .nodes(nodes)
        }
        return .value(takeString(cxml_xpath_result_string(result)) ?? "")
    }

    /// Checks the document against the XML Schema in the file at `schemaPath`.
    public func validate(againstSchemaAt schemaPath: String) throws(MarkupError) -> SchemaValidation {
        var error = cxml_error()
        var problemCount: Int32 = 0
        let status = cxml_validate_schema(document, schemaPath, &error, &problemCount)
        if status < 0 { throw .unusableSchema(path: schemaPath, reason: Self.message(of: error)) }
        guard status == 1 else { return SchemaValidation(problemCount: 0) }
        return SchemaValidation(
            problemCount: max(Int(problemCount), 1), firstProblemLine: error.line > 0 ? Int(error.line) : nil,
            firstProblem: Self.message(of: error))
    }

    /// A string libxml2 allocated, copied and freed.
    func takeString(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { cxml_string_free(pointer) }
        return String(cString: pointer)
    }

    private static func message(of error: cxml_error) -> String {
        withUnsafeBytes(of: error.message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private static func parseError(_ error: cxml_error) -> MarkupError {
        .notWellFormed(
            line: error.line > 0 ? Int(error.line) : nil, column: error.column > 0 ? Int(error.column) : nil,
            reason: message(of: error))
    }
}
