/// Why a discovery run cannot start.
public enum DiscoveryError: Error, Equatable, CustomStringConvertible {
    /// `--reference` names a folder without the `ngrams.csv` a discovery run writes.
    case missingReferenceTable(directory: String)
    /// The reference table exists but is not one a discovery run wrote.
    case malformedReferenceTable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingReferenceTable(let directory):
            return "\(directory): error: not a discovery run: it holds no ngrams.csv; "
                + "run `themescan discover REFERENCE-INPUT... --out \(directory)` first"
        case .malformedReferenceTable(let path, let reason):
            return "\(path): error: not an n-gram table written by `themescan discover` (\(reason)); run discover again"
        }
    }
}
