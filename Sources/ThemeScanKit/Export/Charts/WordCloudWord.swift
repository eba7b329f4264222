/// A word to place in a word cloud.
public struct WordCloudWord: Sendable, Hashable {
    /// The text drawn, on one line.
    public var label: String
    /// What the word's size stands for, such as its occurrences; must be positive to be drawn.
    public var weight: Double
    /// The colour group, such as the code's theme.
    public var group: String

    public init(label: String, weight: Double, group: String) {
        self.label = label
        self.weight = weight
        self.group = group
    }
}
