/// One record of a CSV file with the line it starts on.
public struct CSVRecord: Sendable, Equatable {
    public var fields: [String]
    /// 1-based line on which the record starts.
    public var line: Int

    public init(fields: [String], line: Int) {
        self.fields = fields
        self.line = line
    }
}
