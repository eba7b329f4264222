/// One line of a breakdown: a label, how many (documents or segments), and optionally how many tokens.
public struct ReportCount: Sendable, Equatable {
    public var label: String
    public var count: Int
    public var tokens: Int?

    public init(label: String, count: Int, tokens: Int? = nil) {
        self.label = label
        self.count = count
        self.tokens = tokens
    }
}
