/// Everything one document contributes to a run.
public struct DocumentAnalysis: Sendable {
    public var summary: DocumentSummary
    /// Match records; empty when the analyzer rendered rows instead (`DocumentAnalyzer.rowRenderer`).
    public var matches: [Match]
    public var tally: DocumentTally
    /// The document's `matches.csv` rows as CSV bytes, when the analyzer renders rows.
    public var matchRows: [UInt8]
    /// The position of the document's input in the list the corpus analyzer was given.
    public var input: Int

    public init(
        summary: DocumentSummary, matches: [Match], tally: DocumentTally, matchRows: [UInt8] = [], input: Int = 0
    ) {
        self.summary = summary
        self.matches = matches
        self.tally = tally
        self.matchRows = matchRows
        self.input = input
    }
}
