/// How the report was made: the tool, when, with what command and codebooks.
public struct ReportRunFacts: Sendable, Equatable, Codable {
    public var toolVersion: String
    /// The run's date as the caller wants it shown; the renderer never reads a clock, so output stays reproducible.
    public var date: String
    public var commandLine: String
    /// The codebooks' names (or paths), in the order given.
    public var codebooks: [String]

    public init(toolVersion: String, date: String, commandLine: String, codebooks: [String]) {
        self.toolVersion = toolVersion
        self.date = date
        self.commandLine = commandLine
        self.codebooks = codebooks
    }
}
