/// Why an interchange file (REFI-QDA codebook or project) could not be made; nothing is written.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// The codebook has no theme, and a REFI-QDA codebook needs at least one code.
    case emptyCodebook
    /// A match lies outside its document's text, so it cannot become a selection.
    case matchOutsideText(document: String, start: Int, end: Int, length: Int)
    /// A match names a document, segment or code that the export was not given.
    case unknownReference(String)
    /// ICU failed while finding sentences.
    case text(TextError)
    /// libxml2 could not write the XML.
    case xml(MarkupError)
    /// The file could not be written.
    case output(OutputError)

    public var description: String {
        switch self {
        case .emptyCodebook:
            return "error: the codebook has no themes; a REFI-QDA codebook needs at least one code"
        case .matchOutsideText(let document, let start, let end, let length):
            return "\(document): error: a match at \(start)..<\(end) lies outside the text (\(length) characters)"
        case .unknownReference(let what):
            return "error: the export refers to \(what), which it was not given"
        case .text(let error):
            return "error: \(error)"
        case .xml(let error):
            return "error: \(error)"
        case .output(let error):
            return error.description
        }
    }
}
