import CICU

/// A failure inside ICU, which the text pipeline cannot work around, or of the file that takes the rows of a very
/// large document (a temporary one, or `matches.csv` itself when the document is the next one due there) or of what
/// a run sets aside of its many documents and cases.
public enum TextError: Error, CustomStringConvertible, Equatable {
    /// An ICU call failed with the given status.
    case icu(operation: String, status: Int32)
    /// The `matches.csv` rows of a very large document could not be set aside in a temporary file.
    case spillFailed(path: String, reason: String)
    /// What a run keeps of its many documents and cases could not be set aside in a file of its own
    /// (`SetAsideFile`).
    case setAsideUnwritten(path: String, reason: String)
    /// The rows of a very large document could not be written to `matches.csv` (`DocumentAnalyzer.dueRowsFile`).
    case rowsUnwritten(OutputError)

    public var description: String {
        switch self {
        case .icu(let operation, let status):
            return "ICU \(operation) failed: \(String(cString: cicu_error_name(status)))"
        case .spillFailed(let path, let reason):
            return "cannot set aside the matches of a large document in \(path): \(reason); free space in that folder"
        case .setAsideUnwritten(let path, let reason):
            return "cannot set aside the run's documents and cases in \(path): \(reason); free space in that folder"
        case .rowsUnwritten(let error):
            return error.description
        }
    }
}
