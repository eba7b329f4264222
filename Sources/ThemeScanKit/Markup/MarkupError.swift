/// Why libxml2 could not give a usable tree, XPath result or schema check.
public enum MarkupError: Error, Equatable, CustomStringConvertible {
    /// The bytes are not well-formed XML (or not parseable at all, for HTML); `line` is 1-based, nil when unknown.
    case notWellFormed(line: Int?, column: Int?, reason: String)
    /// An XPath expression that does not compile or cannot be evaluated.
    case invalidXPath(expression: String, reason: String)
    /// A schema file that cannot be read or is not a valid XML Schema.
    case unusableSchema(path: String, reason: String)
    /// libxml2 could not write a document (it ran out of memory, or elements were closed out of order).
    case writingFailed(reason: String)

    public var description: String {
        switch self {
        case .notWellFormed(let line, _, let reason):
            return line.map { "line \($0): \(reason)" } ?? reason
        case .invalidXPath(let expression, let reason):
            return "invalid XPath expression \(expression): \(reason)"
        case .unusableSchema(let path, let reason):
            return "cannot use the schema \(path): \(reason)"
        case .writingFailed(let reason):
            return "cannot write XML: \(reason)"
        }
    }
}
