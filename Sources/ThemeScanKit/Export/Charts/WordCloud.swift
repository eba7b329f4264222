/// A laid-out word cloud: every word that fitted, where it went, and the words left out.
public struct WordCloud: Sendable, Hashable {
    /// The width of the area the words were placed in.
    public var width: Double
    /// The height of the area the words were placed in.
    public var height: Double
    /// The placed words, heaviest first (ties by label, then group).
    public var placements: [WordCloudPlacement]
    /// The words not drawn, in the same order: those that found no room even at the minimum font size, and those
    /// with an empty label or a weight that is not a positive number.
    public var omitted: [WordCloudWord]

    public init(width: Double, height: Double, placements: [WordCloudPlacement], omitted: [WordCloudWord]) {
        self.width = width
        self.height = height
        self.placements = placements
        self.omitted = omitted
    }
}
