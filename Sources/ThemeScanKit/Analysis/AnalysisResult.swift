/// A finished run: the documents, every match and the merged counts, plus what went wrong on the way.
public struct AnalysisResult: Sendable {
    /// The codebook's codes in order, with their themes.
    public var codes: [(theme: Theme, code: Code)]
    /// The codebook's terms in order, with the index of their code.
    public var terms: [(code: Int, term: Term)]
    public var documents: DocumentSummaries
    /// Matches in document order, then in text order.
    public var matches: [Match]
    public var tally: CorpusTally
    /// Warnings and errors in input order.
    public var diagnostics: [Diagnostic]
    /// Input files that could not be read.
    public var skippedFiles: [String]
    /// The run's first matches of each code (`CorpusAnalyzer.samplesPerCode` of them), by code index, in document
    /// order, with document numbers from `documents`: the report's passages.
    public var samples: [Int: [Match]] = [:]
    /// The most document analyses that had arrived and waited to be handed on in input order at one time: what the
    /// run held beyond the documents its workers were analyzing.
    var mostWaitingAnalyses = 0

    public init(
        codes: [(theme: Theme, code: Code)], terms: [(code: Int, term: Term)], documents: DocumentSummaries,
        matches: [Match], tally: CorpusTally, diagnostics: [Diagnostic], skippedFiles: [String]
    ) {
        self.codes = codes
        self.terms = terms
        self.documents = documents
        self.matches = matches
        self.tally = tally
        self.diagnostics = diagnostics
        self.skippedFiles = skippedFiles
    }
}
