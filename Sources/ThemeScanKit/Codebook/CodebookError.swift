/// Why a codebook could not be used.
public enum CodebookError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file extension names no codebook format.
    case unknownFormat(path: String)
    /// The file extension names no format a codebook can be read from; `--from` names it.
    case unknownImportFormat(path: String)
    /// The codebook has problems, each located in its file.
    case invalid([Diagnostic])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read codebook: \(reason)"
        case .unknownFormat(let path):
            return "\(path): error: unknown codebook format (expected .yaml, .yml or .csv)"
        case .unknownImportFormat(let path):
            return "\(path): error: unknown codebook format (expected .yaml, .yml, .csv, .dic or .cat; or name it with --from)"
        case .invalid(let problems):
            return problems.map(\.description).joined(separator: "\n")
        }
    }
}
