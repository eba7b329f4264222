/// Writes a codebook in themescan's own formats, so that loading the output gives back the same codebook
/// (locations aside).
///
/// What a format cannot hold is returned as warnings instead of being lost quietly: the CSV form has no row for a
/// theme without codes.
public struct CodebookWriter: Sendable {
    public init() {}

    /// The codebook as text in `format`, with warnings about anything the format cannot hold.
    public func text(_ codebook: Codebook, as format: CodebookFormat) throws(CodebookError) -> (text: String, warnings: [Diagnostic]) {
        switch format {
        case .yaml:
            return (try yaml(codebook), [])
        case .csv:
            return csv(codebook)
        case .liwc, .quanteda, .wordstat:
            throw .invalid([
                Diagnostic(
                    .error, at: SourceLocation(path: codebook.sources.last ?? codebook.name),
                    "themescan writes codebooks as yaml or csv, not \(format.rawValue)")
            ])
        }
    }
}
