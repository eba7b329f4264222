/// Text decoded from bytes, with the encoding it was read as.
public struct DecodedText: Sendable, Hashable {
    /// The text with LF line ends and without a byte order mark.
    public var text: String
    /// The canonical name of the encoding the bytes were read as (`UTF-8`, `GB18030`, `Big5`, `UTF-16LE` …).
    public var encoding: String
    /// Detected encodings (notes), low-confidence guesses, invalid bytes and declared encodings that did not fit.
    public var warnings: [Diagnostic]

    public init(text: String, encoding: String, warnings: [Diagnostic] = []) {
        self.text = text
        self.encoding = encoding
        self.warnings = warnings
    }
}
