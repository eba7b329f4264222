/// Everything one document contributes to a run.
public struct DocumentAnalysis: Sendable {
    public var summary: DocumentSummary
    /// Match records; empty when the analyzer rendered rows instead (`DocumentAnalyzer.rowRenderer`).
    public var matches: [Match]
    public var tally: DocumentTally
    /// The document itself, with its extracted text and segments, when the analyzer was asked to keep it
    /// (`CorpusAnalyzer.keepsDocuments`, for exports that carry the text); nil otherwise, to save memory.
    public var document: Document?
    /// The document's `matches.csv` rows as CSV bytes, when the analyzer renders rows; they follow those in
    /// `spilledMatchRows`.
    public var matchRows: [UInt8]
    /// A temporary file holding the first rows of a document whose rows outgrew memory; the consumer copies and
    /// removes it (`CSVStreamWriter.append(movingRowsFrom:)`).
    public var spilledMatchRows: String?
    /// The position of the document's input in the list the corpus analyzer was given.
    public var input: Int
    /// The part of its input the document was analyzed in, for an input shared among shards (`ShardParts`); nil
    /// otherwise.
    public var part: Int?
    /// The document's first matches of each code, by code index, when the analyzer keeps samples
    /// (`DocumentAnalyzer.samplesPerCode`); only of codes the run still needed when the document was started, when
    /// the analyzer shares a corpus analyzer's samples.
    public var samples: [Int: [Match]] = [:]
    /// Whether the document is known to be the only one of its case, and was counted as a complete case
    /// (`CorpusAnalyzer.caseMinimum`); tallies built from it elsewhere should do the same.
    public var completesCase = false

    public init(
        summary: DocumentSummary, matches: [Match], tally: DocumentTally, document: Document? = nil,
        matchRows: [UInt8] = [], spilledMatchRows: String? = nil, input: Int = 0
    ) {
        self.summary = summary
        self.matches = matches
        self.tally = tally
        self.document = document
        self.matchRows = matchRows
        self.spilledMatchRows = spilledMatchRows
        self.input = input
    }
}
