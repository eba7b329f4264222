/// Draws a laid-out word cloud as a standalone SVG 1.1 document, with a legend of its colour groups below the
/// words.
///
/// Each word is a `<text>` centred on its placement with a `<title>` tooltip giving its weight; its colour is its
/// group's. The legend sits in a band under the layout's canvas, so it never covers a word. The output depends
/// only on the cloud and these settings: numbers have one decimal at most and nothing records the date.
public struct WordCloudSVG: Sendable {
    /// The document's `<title>`.
    public var title: String
    /// Groups in the order they take palette colours and appear in the legend, such as the codebook's themes; so
    /// a theme keeps its colour whether or not the others are drawn. Groups not listed follow, by name.
    public var groupOrder: [String]
    /// The group drawn in `ChartPalette.neutral` and listed last, such as words outside the codebook.
    public var neutralGroup: String?
    /// What a weight counts, shown in tooltips after it ("12 occurrences"); empty shows the number alone.
    public var weightUnit: String
    /// Measures legend entries.
    public var estimator: TextWidthEstimator

    public init(
        title: String, groupOrder: [String] = [], neutralGroup: String? = nil, weightUnit: String = "occurrences",
        estimator: TextWidthEstimator = TextWidthEstimator()
    ) {
        self.title = title
        self.groupOrder = groupOrder
        self.neutralGroup = neutralGroup
        self.weightUnit = weightUnit
        self.estimator = estimator
    }

    /// The space between the word canvas and the legend, and below the legend.
    static let legendMargin = 8.0

    /// The colour of every group drawn in `cloud`.
    public func colours(for cloud: WordCloud) -> [String: String] {
        var colours: [String: String] = [:]
        let listed = Dictionary(groupOrder.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let unlisted = Set(cloud.placements.map(\.word.group)).filter { listed[$0] == nil && $0 != neutralGroup }.sorted()
        for group in Set(cloud.placements.map(\.word.group)) {
            if group == neutralGroup {
                colours[group] = ChartPalette.neutral
            } else if let position = listed[group] {
                colours[group] = ChartPalette.colour(at: position)
            } else {
                colours[group] = ChartPalette.colour(at: groupOrder.count + unlisted.firstIndex(of: group)!)
            }
        }
        return colours
    }

    /// The groups drawn in `cloud`, in legend order.
    public func legendGroups(for cloud: WordCloud) -> [String] {
        let listed = Dictionary(groupOrder.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        return Set(cloud.placements.map(\.word.group)).sorted { a, b in
            if (a == neutralGroup) != (b == neutralGroup) { return b == neutralGroup }
            switch (listed[a], listed[b]) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
    }

    /// The SVG document.
    public func render(_ cloud: WordCloud) throws(MarkupError) -> String {
        let colours = colours(for: cloud)
        let legend = ChartLegend(
            entries: legendGroups(for: cloud).map { ChartLegend.Entry(name: $0, colour: colours[$0]!) },
            frame: (Self.legendMargin, cloud.height + Self.legendMargin, cloud.width - 2 * Self.legendMargin),
            estimator: estimator)
        let legendHeight = legend.height
        let height = cloud.height + (legendHeight > 0 ? legendHeight + 2 * Self.legendMargin : 0)

        let writer = try XMLWriter(indent: false)
        writer.startSVG(width: cloud.width, height: height, title: title)
        writer.startGroup(class: "words")
        for placement in cloud.placements {
            writer.label(
                placement.word.label, x: placement.x, y: placement.baseline, fontSize: placement.fontSize,
                fill: colours[placement.word.group]!, anchor: "middle", tooltip: tooltip(for: placement.word))
        }
        writer.endGroup()
        if legendHeight > 0 {
            writer.line(fromX: 0, y1: cloud.height, toX: cloud.width, y2: cloud.height, stroke: "#DDDDDD")
            legend.write(into: writer)
        }
        return try writer.finishedSVG()
    }

    private func tooltip(for word: WordCloudWord) -> String {
        let weight = ChartNumber.format(word.weight, decimals: 2)
        let amount = weightUnit.isEmpty ? weight : "\(weight) \(weightUnit)"
        return word.group.isEmpty ? "\(word.label): \(amount)" : "\(word.label): \(amount) (\(word.group))"
    }
}
