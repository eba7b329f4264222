/// The kinds of warning `CodebookLinter` gives; each message ends with its kind in brackets, as `[shadowed]`.
public enum CodebookLintKind: String, Sendable, CaseIterable {
    /// A term that can never count: wherever it matches, a term of another code matches the same stretch and wins
    /// (fewer wildcards, or as many and earlier in the codebook), or its own code excludes every match of it.
    case shadowed
    /// The same term (after normalization) under several codes: each match credits every one of them.
    case sharedTerm = "shared-term"
    /// An exclude phrase inside which no term of its code can match, so it never cancels anything.
    case excludeWithoutTerm = "exclude-without-term"
    /// A wildcard on a stem of fewer than three letters, or a term of one Chinese character: both match inside
    /// many unrelated words.
    case shortStem = "short-stem"
    /// The same term twice in one code (or the same exclude phrase twice).
    case duplicateTerm = "duplicate-term"

    /// The bracketed tag that ends a message of this kind.
    public var tag: String { "[\(rawValue)]" }
}
