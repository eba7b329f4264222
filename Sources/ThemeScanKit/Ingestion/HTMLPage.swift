/// An HTML page decoded to text with `TextDecoder` (honouring its declared charset) and parsed by libxml2.
struct HTMLPage {
    let tree: XMLTree
    /// The encoding the bytes were read as.
    let encoding: String
    let warnings: [Diagnostic]

    init(bytes: [UInt8], path: String, encoding override: String?) throws(IngestionError) {
        let declared = HTMLCharsetSniffer.declaredCharset(in: bytes)
        let decoded = try TextDecoder(encoding: override).decode(bytes, path: path, declaredEncoding: declared)
        do {
            // Handed over as UTF-8 with the encoding named, so libxml2 ignores the page's meta charset rather
            // than decoding the text a second time.
            tree = try XMLTree(html: Array(decoded.text.utf8), encoding: "UTF-8")
        } catch {
            throw .malformed(at: SourceLocation(path: path), reason: "the HTML could not be parsed (\(error))")
        }
        encoding = decoded.encoding
        var warnings = decoded.warnings
        if let stop = tree.stop {
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: path, line: stop.line),
                    "the page could not be read past this point (\(stop.reason)); the text after it is left out"))
        }
        self.warnings = warnings
    }
}
