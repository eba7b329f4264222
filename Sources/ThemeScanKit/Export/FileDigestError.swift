/// Why a file's digest could not be computed for the run's provenance record.
public enum FileDigestError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): error: cannot read file to record its SHA-256: \(reason); check that it still exists and is readable"
        }
    }
}
