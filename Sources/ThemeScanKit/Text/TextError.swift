import CICU

/// A failure inside ICU, which the text pipeline cannot work around, or of the temporary file that holds the
/// rows of a very large document.
public enum TextError: Error, CustomStringConvertible, Equatable {
    /// An ICU call failed with the given status.
    case icu(operation: String, status: Int32)
    /// The `matches.csv` rows of a very large document could not be set aside in a temporary file.
    case spillFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .icu(let operation, let status):
            return "ICU \(operation) failed: \(String(cString: cicu_error_name(status)))"
        case .spillFailed(let path, let reason):
            return "cannot set aside the matches of a large document in \(path): \(reason); free space in that folder"
        }
    }
}
