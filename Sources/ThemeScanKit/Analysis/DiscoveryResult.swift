/// What a discovery run found: the counts, the ranked candidates and the problems met on the way.
public struct DiscoveryResult: Sendable {
    public var tally: NgramTally
    /// Best first.
    public var candidates: [Candidate]
    /// Whether candidates were ranked against a reference corpus.
    public var hasReference: Bool
    public var diagnostics: [Diagnostic]
    /// Paths of inputs that could not be read.
    public var skippedFiles: [String]

    public init(
        tally: NgramTally, candidates: [Candidate], hasReference: Bool = false, diagnostics: [Diagnostic] = [],
        skippedFiles: [String] = []
    ) {
        self.tally = tally
        self.candidates = candidates
        self.hasReference = hasReference
        self.diagnostics = diagnostics
        self.skippedFiles = skippedFiles
    }
}
