/// Choices that shape the output tables.
public struct TableOptions: Sendable, Equatable {
    /// Label languages in order of preference; the code id stands in when none has a label.
    public var labelLanguages: [String]

    public init(labelLanguages: [String] = ["zh", "en"]) {
        self.labelLanguages = labelLanguages
    }
}
