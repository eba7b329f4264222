/// Why an input file was skipped. Every message names the file, the place when there is one, and what to do.
public enum IngestionError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    /// A file this version cannot read, such as a legacy `.doc`, a binary `.xls` or an encrypted document;
    /// `advice` says what to do instead.
    case unsupportedFormat(path: String, advice: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// A file of a known format that is broken at a place: a corrupt zip entry, truncated XML, an unclosed quote,
    /// text in no encoding that can be told.
    case malformed(at: SourceLocation, reason: String)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .empty(let path), .unsupportedFormat(let path, _), .tooLarge(let path, _, _):
            return path
        case .malformed(let location, _):
            return location.path
        }
    }

    public var location: SourceLocation {
        if case .malformed(let location, _) = self { return location }
        return SourceLocation(path: path)
    }

    /// The message without the location.
    public var message: String { "\(problem); skipped" }

    /// What is wrong, without what becomes of the file.
    private var problem: String {
        switch self {
        case .unreadable(_, let reason): return "cannot read file: \(reason)"
        case .empty: return "file is empty"
        case .unsupportedFormat(_, let advice): return advice
        case .tooLarge(_, let bytes, let limit):
            return "file is \(bytes) bytes, over the \(limit)-byte limit for one document; split it"
        case .malformed(_, let reason): return reason
        }
    }

    public var description: String { "\(location): error: \(message)" }

    /// The same problem as a diagnostic, for the run's list.
    public var diagnostic: Diagnostic { Diagnostic(.error, at: location, message) }

    /// The problem met part way through a streamed file, whose documents before it were analyzed.
    public var partialDiagnostic: Diagnostic {
        Diagnostic(.error, at: location, "\(problem); the documents before it are kept, the rest of the file is skipped")
    }
}
