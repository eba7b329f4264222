/// The first passages matched for one code.
public struct ReportCodeSample: Sendable, Equatable {
    public var label: String
    public var theme: String
    /// All matches of the code, so the report can say how many the passages are out of.
    public var totalMatches: Int
    public var passages: [ReportPassage]

    public init(label: String, theme: String, totalMatches: Int, passages: [ReportPassage]) {
        self.label = label
        self.theme = theme
        self.totalMatches = totalMatches
        self.passages = passages
    }
}
