/// Everything one document contributes to a run.
public struct DocumentAnalysis: Sendable {
    public var summary: DocumentSummary
    public var matches: [Match]
    public var tally: DocumentTally

    public init(summary: DocumentSummary, matches: [Match], tally: DocumentTally) {
        self.summary = summary
        self.matches = matches
        self.tally = tally
    }
}
