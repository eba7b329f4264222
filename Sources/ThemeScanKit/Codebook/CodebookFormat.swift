/// A file format a codebook can be read from or written to.
public enum CodebookFormat: String, Sendable, CaseIterable {
    /// themescan's own YAML (`version: 1`, themes → codes → terms).
    case yaml
    /// themescan's own CSV, one term per row.
    case csv
    /// A LIWC dictionary (`.dic`): a `%`-delimited category list, then words with category numbers.
    case liwc
    /// A quanteda YAML dictionary: nested keys, lists of glob patterns.
    case quanteda
    /// A WordStat categorization dictionary (`.cat`): indented categories, `WORD (1)` leaves.
    case wordstat

    /// The formats themescan can write.
    public static let writable: [CodebookFormat] = [.yaml, .csv]

    /// The format a file name suggests; `.yaml` and `.yml` suggest the native format, which reading tells apart
    /// from a quanteda dictionary by its structure.
    public init?(path: String) {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            self = .yaml
        } else if lowered.hasSuffix(".csv") {
            self = .csv
        } else if lowered.hasSuffix(".dic") {
            self = .liwc
        } else if lowered.hasSuffix(".cat") {
            self = .wordstat
        } else {
            return nil
        }
    }
}
