/// How a word cloud turns weights into font sizes.
public enum WordCloudScaling: Sendable, Hashable {
    /// The area a word covers is proportional to its weight: the font size grows with the square root of the
    /// weight, so a word twice as frequent looks about twice as big rather than four times.
    case area
    /// The font size is proportional to the weight.
    case linear
}
