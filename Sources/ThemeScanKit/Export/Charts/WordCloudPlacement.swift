/// Where a word cloud put one word.
///
/// The word is drawn centred on `x` (`text-anchor="middle"`) with its baseline at `baseline`; `box` is the area it
/// may cover, from `TextWidthEstimator.ascent` above the baseline to `TextWidthEstimator.descent` below, as wide
/// as the estimator measures the label.
public struct WordCloudPlacement: Sendable, Hashable {
    public var word: WordCloudWord
    /// The font size drawn, in user units.
    public var fontSize: Double
    /// The font size the weight called for, once the whole cloud was scaled to fit the canvas; larger than
    /// `fontSize` when this word alone was shrunk to find room.
    public var nominalFontSize: Double
    /// The horizontal centre of the text.
    public var x: Double
    /// The y coordinate of the text's baseline.
    public var baseline: Double
    /// The area the text covers.
    public var box: ChartRect

    public init(word: WordCloudWord, fontSize: Double, nominalFontSize: Double, x: Double, baseline: Double, box: ChartRect) {
        self.word = word
        self.fontSize = fontSize
        self.nominalFontSize = nominalFontSize
        self.x = x
        self.baseline = baseline
        self.box = box
    }

    /// Whether the word is drawn smaller than its weight called for, because it did not fit at that size.
    public var wasShrunk: Bool { fontSize < nominalFontSize }
}
