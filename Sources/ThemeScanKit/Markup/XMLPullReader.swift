import CLibXML2
import Foundation

/// A forward-only reader over XML bytes (libxml2's text reader), for parts too large to hold as a tree.
///
/// A tree of a worksheet costs many times the sheet's bytes; this reads one node at a time in the memory of the
/// bytes. It parses as `XMLTree` does (no network, no DTD loading, entity references left as references), so a
/// caller that meets a document type or an entity reference can hand the part to `XMLTree`, which judges those.
/// Made by `read(_:_:)`, for the span of its body, or over bytes pulled as it goes (`init(pulling:)`, a sheet inflated
/// as it is read); it frees the reader when it goes.
final class XMLPullReader {
    /// What the current node is.
    enum Kind {
        case element
        case endElement
        /// Text, CDATA or white space: what a tree's text content gathers.
        case text
        case entityReference
        case documentType
        case other
    }

    /// The reader cannot go on: the bytes are not well-formed, or a limit was hit.
    struct Failure: Error {}

    /// Where a reader pulling its bytes gets them; the reader's context, kept alive with it.
    private final class Source {
        let fill: (UnsafeMutableRawBufferPointer) -> Int?

        init(_ fill: @escaping (UnsafeMutableRawBufferPointer) -> Int?) {
            self.fill = fill
        }
    }

    private let reader: OpaquePointer
    private let source: Source?

    private init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count <= Int(Int32.max),
            let reader = cxml_reader_new(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
        else { return nil }
        self.reader = reader
        source = nil
    }

    /// A reader over the bytes `fill` puts at the start of the buffers it is given, as the reader needs them: how
    /// many, 0 at the end, nil when it cannot (the reader then fails). Nil when no reader could be made.
    init?(pulling fill: @escaping (UnsafeMutableRawBufferPointer) -> Int?) {
        let source = Source(fill)
        let read: cxml_read_function = { context, buffer, capacity in
            guard let context, let buffer, capacity > 0 else { return 0 }
            let source = Unmanaged<Source>.fromOpaque(context).takeUnretainedValue()
            return source.fill(UnsafeMutableRawBufferPointer(start: buffer, count: Int(capacity))).map { Int32($0) } ?? -1
        }
        guard let reader = cxml_reader_new_pulling(read, Unmanaged.passUnretained(source).toOpaque(), nil) else {
            return nil
        }
        self.reader = reader
        self.source = source
    }

    deinit {
        cxml_reader_free(reader)
    }

    /// Runs `body` with a reader over `bytes`; nil when no reader could be made.
    static func read<Result>(_ bytes: [UInt8], _ body: (XMLPullReader) throws -> Result) rethrows -> Result? {
        try bytes.withUnsafeBytes { buffer in
            guard let reader = XMLPullReader(buffer) else { return nil }
            return try body(reader)
        }
    }

    /// Moves to the next node; false at the end of the document. Throws when the bytes are not well-formed.
    func next() throws(Failure) -> Bool {
        switch cxml_reader_read(reader) {
        case 1:
            kind = Self.kind(of: cxml_reader_node_type(reader))
            return true
        case 0: return false
        default: throw Failure()
        }
    }

    /// What the current node is; a walk asks it several times per node, so it is read once, by `next`.
    private(set) var kind = Kind.other

    private static func kind(of type: Int32) -> Kind {
        switch type {
        case Int32(CXML_READER_ELEMENT): .element
        case Int32(CXML_READER_END_ELEMENT): .endElement
        case Int32(CXML_READER_TEXT), Int32(CXML_READER_CDATA), Int32(CXML_READER_WHITESPACE),
            Int32(CXML_READER_SIGNIFICANT_WHITESPACE):
            .text
        case Int32(CXML_READER_ENTITY_REFERENCE): .entityReference
        case Int32(CXML_READER_DOCUMENT_TYPE): .documentType
        default: .other
        }
    }

    /// The current node's depth: 0 for the root element.
    var depth: Int { Int(cxml_reader_depth(reader)) }

    /// Whether the current element is written empty (`<v/>`): no end element follows it.
    var isEmptyElement: Bool { cxml_reader_is_empty_element(reader) == 1 }

    /// Whether the current node's local name is `name`, compared without making a string.
    func isNamed(_ name: StaticString) -> Bool {
        guard let local = cxml_reader_local_name(reader) else { return false }
        return name.withUTF8Buffer { wanted in
            wanted.withMemoryRebound(to: CChar.self) { strncmp(local, $0.baseAddress!, wanted.count) == 0 }
                && local[wanted.count] == 0
        }
    }

    /// The current text node's text.
    var value: String {
        cxml_reader_value(reader).map { String(cString: $0) } ?? ""
    }

    /// The current element's attribute `name`, as `XMLNode.attribute` finds it.
    func attribute(_ name: String) -> String? {
        guard let value = cxml_reader_attribute(reader, name) else { return nil }
        defer { cxml_string_free(value) }
        return String(cString: value)
    }
}
