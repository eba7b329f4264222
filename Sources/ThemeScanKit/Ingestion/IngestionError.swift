/// Why an input file was skipped.
public enum IngestionError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case unsupportedFormat(path: String)
    case tooLarge(path: String, bytes: Int, limit: Int)

    public var path: String {
        switch self {
        case .unreadable(let path, _), .empty(let path), .unsupportedFormat(let path), .tooLarge(let path, _, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): error: cannot read file: \(reason); skipped"
        case .empty(let path): return "\(path): error: file is empty; skipped"
        case .unsupportedFormat(let path): return "\(path): error: not a format this version reads (.txt, .md); skipped"
        case .tooLarge(let path, let bytes, let limit):
            return "\(path): error: file is \(bytes) bytes, over the \(limit)-byte limit for one document; split it; skipped"
        }
    }

    /// The same problem as a diagnostic, for the run's list.
    public var diagnostic: Diagnostic {
        let message = description.split(separator: ": error: ", maxSplits: 1).last.map(String.init) ?? description
        return Diagnostic(.error, at: SourceLocation(path: path), message)
    }
}
