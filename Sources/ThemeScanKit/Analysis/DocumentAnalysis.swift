/// Everything one document contributes to a run.
public struct DocumentAnalysis: Sendable {
    public var summary: DocumentSummary
    public var matches: [Match]
    public var tally: DocumentTally
    /// The document itself, with its extracted text and segments, when the analyzer was asked to keep it
    /// (`CorpusAnalyzer.keepsDocuments`, for exports that carry the text); nil otherwise, to save memory.
    public var document: Document?

    public init(summary: DocumentSummary, matches: [Match], tally: DocumentTally, document: Document? = nil) {
        self.summary = summary
        self.matches = matches
        self.tally = tally
        self.document = document
    }
}
