/// Why a finished run's folder cannot be used by `compare` or `export qdpx`.
public enum RunFolderError: Error, Equatable, CustomStringConvertible {
    /// The folder has no `run.json`: it is not an `analyze` output, or was written by an older version.
    case noProvenance(folder: String)
    case unreadable(folder: String, reason: String)

    public var description: String {
        switch self {
        case .noProvenance(let folder):
            return "\(folder): no run.json; give a folder that `themescan analyze` wrote (run it again to get one)"
        case .unreadable(let folder, let reason):
            return "\(folder): \(reason)"
        }
    }
}
