/// What a manifest says about one input file.
public struct ManifestEntry: Sendable, Hashable {
    /// The file's path as the manifest resolves it (relative paths against the manifest's folder).
    public var path: String
    /// The path as the manifest writes it, which becomes the document id.
    public var id: String
    /// The line of the manifest naming the file, for diagnostics.
    public var line: Int
    public var caseID: String?
    /// Interviewer labels for this file, replacing the run's list when given.
    public var interviewerLabels: [String]?
    /// Reading settings for the file (`case_column`, `text_columns`, `sheet`, `encoding`).
    public var settings: SourceSettings
    /// Every other non-empty column, `year` included.
    public var metadata: [String: String]

    public init(path: String, id: String, line: Int, caseID: String?, interviewerLabels: [String]?, settings: SourceSettings = SourceSettings(),
        metadata: [String: String]
    ) {
        self.path = path
        self.id = id
        self.line = line
        self.caseID = caseID
        self.interviewerLabels = interviewerLabels
        self.settings = settings
        self.metadata = metadata
    }
}
