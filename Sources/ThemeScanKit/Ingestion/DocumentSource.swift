/// An input file to analyze, with the names it will carry in the outputs and what the manifest says of it.
public struct DocumentSource: Sendable, Hashable {
    /// The path as the user gave it or as the folder walk found it.
    public var path: String
    /// The document id in outputs: the path relative to the input folder, or the file name. Spreadsheet rows
    /// add `#row-N`.
    public var id: String
    /// The case (program) the manifest assigns, if any. Without one a document is its own case, and a
    /// spreadsheet row takes its case from the case column first.
    public var caseID: String?
    /// Manifest columns for this file other than `file` and `case`.
    public var metadata: [String: String]
    /// Interviewer labels for this file from the manifest, replacing the run's list when present.
    public var interviewerLabels: [String]?
    /// Reading settings for this file from the manifest, replacing the run's.
    public var settings: SourceSettings

    public init(
        path: String, id: String, caseID: String? = nil, metadata: [String: String] = [:],
        interviewerLabels: [String]? = nil, settings: SourceSettings = SourceSettings()
    ) {
        self.path = path
        self.id = id
        self.caseID = caseID
        self.metadata = metadata
        self.interviewerLabels = interviewerLabels
        self.settings = settings
    }
}
