import CICU

/// A failure inside ICU, which the text pipeline cannot work around.
public enum TextError: Error, CustomStringConvertible, Equatable {
    /// An ICU call failed with the given status.
    case icu(operation: String, status: Int32)

    public var description: String {
        switch self {
        case .icu(let operation, let status):
            return "ICU \(operation) failed: \(String(cString: cicu_error_name(status)))"
        }
    }
}
