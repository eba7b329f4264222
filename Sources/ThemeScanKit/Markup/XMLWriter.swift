import CLibXML2

/// Writes an XML document into memory through libxml2's xmlTextWriter, which does the escaping.
///
/// Text is cleaned first: characters that XML 1.0 forbids (C0 controls other than tab and line breaks, U+FFFE,
/// U+FFFF) become U+FFFD, since libxml2 would copy them through and make the output unreadable.
public final class XMLWriter {
    private let writer: OpaquePointer
    private var failure: String?

    /// A writer for one document; `indent` puts each element on its own line, indented by two spaces.
    public init(indent: Bool = true) throws(MarkupError) {
        guard let writer = cxml_writer_new(indent ? 1 : 0) else { throw .writingFailed(reason: "out of memory") }
        self.writer = writer
        check(cxml_writer_start_document(writer), "the XML declaration")
    }

    deinit {
        cxml_writer_free(writer)
    }

    /// Opens an element; attributes follow before any child or text.
    public func startElement(_ name: String) {
        check(cxml_writer_start_element(writer, name), "element \(name)")
    }

    /// Adds an attribute to the element just opened.
    public func attribute(_ name: String, _ value: String) {
        check(cxml_writer_attribute(writer, name, Self.clean(value)), "attribute \(name)")
    }

    /// Writes character data inside the open element.
    public func text(_ text: String) {
        check(cxml_writer_text(writer, Self.clean(text)), "text")
    }

    /// Writes markup exactly as given, neither checked nor escaped: the caller answers for it being well-formed.
    /// For parts with millions of elements whose text needs no escaping (a worksheet's cells), where a call per
    /// element and attribute costs more than the rest of the part.
    public func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw($0) }
    }

    /// Writes markup lent for the call, as `raw(_:)` does.
    public func raw(_ bytes: UnsafeRawBufferPointer) {
        let status = cxml_writer_raw(writer, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count))
        check(status, "raw markup")
    }

    public func endElement() {
        check(cxml_writer_end_element(writer), "an end tag")
    }

    /// An element holding only text.
    public func element(_ name: String, text: String) {
        startElement(name)
        self.text(text)
        endElement()
    }

    /// Closes what is still open and returns the document's UTF-8 bytes.
    public func finish() throws(MarkupError) -> [UInt8] {
        Array(try finishedContent().bindMemory(to: UInt8.self))
    }

    /// Closes what is still open and lends the document's UTF-8 bytes to `body` straight from libxml2's buffer,
    /// without a copy: a worksheet with a row per survey case runs to over a hundred megabytes.
    public func finish<Result>(lending body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        try body(try finishedContent())
    }

    /// How many bytes have been written and not yet drained.
    public var bufferedByteCount: Int {
        var length: Int32 = 0
        _ = cxml_writer_content(writer, &length)
        return Int(length)
    }

    /// Lends the bytes written so far to `body`, then lets them go: the document goes on after them, and `finish`
    /// gives only what is written later. A part too large to hold is handed on a piece at a time this way.
    public func drain(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var length: Int32 = 0
        guard let content = cxml_writer_content(writer, &length), length > 0 else { return }
        try body(UnsafeRawBufferPointer(start: content, count: Int(length)))
        cxml_writer_discard_content(writer)
    }

    /// The finished document, borrowed from the writer: valid while the writer lives and writes nothing more.
    private func finishedContent() throws(MarkupError) -> UnsafeRawBufferPointer {
        check(cxml_writer_end_document(writer), "the end of the document")
        if let failure { throw .writingFailed(reason: failure) }
        var length: Int32 = 0
        guard let content = cxml_writer_content(writer, &length) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: content, count: Int(length))
    }

    /// Keeps the first failure; the document is refused at `finish`.
    private func check(_ status: Int32, _ what: String) {
        if status < 0, failure == nil { failure = "libxml2 could not write \(what)" }
    }

    /// The text with every character XML 1.0 does not allow replaced by U+FFFD.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            cleaned.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(cleaned)
    }

    /// XML 1.0's `Char` production: tab, line feed, carriage return, and U+0020 up, without U+FFFE and U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
