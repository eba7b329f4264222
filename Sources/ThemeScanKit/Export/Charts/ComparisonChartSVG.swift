/// Draws how codes differ between groups (such as years) as a horizontal grouped bar chart in a standalone SVG 1.1
/// document, for `themescan compare`.
///
/// Rows are drawn in the order given (the caller puts the biggest changes first), at most `maximumRows` of them.
/// Each row has one bar per group, side by side, coloured by group and labelled with its percentage; the code's
/// label sits in a column to the left, as wide as the widest label measures, so labels never reach the bars.
/// Significant rows have a bold label ending in " *", explained by `footnote` under the chart. The output depends
/// only on the input: numbers have one decimal at most and nothing records the date.
public struct ComparisonChartSVG: Sendable {
    /// The heading, drawn above the chart and used as the document's `<title>`.
    public var title: String
    /// The groups, in the order of each row's `percentages`; they take palette colours in this order.
    public var groups: [String]
    /// How many rows are drawn at most.
    public var maximumRows: Int
    /// The width of the chart; it grows when the labels leave the bars less than `minimumBarWidth`.
    public var width: Double
    /// What `ComparisonChartRow.effect` measures, for tooltips ("effect 12.5").
    public var effectName: String
    /// The note explaining the mark on significant rows, drawn when a row has it.
    public var footnote: String
    /// Measures labels.
    public var estimator: TextWidthEstimator

    public init(
        title: String, groups: [String], maximumRows: Int = 20, width: Double = 900, effectName: String = "effect",
        footnote: String = "* adjusted p < 0.05", estimator: TextWidthEstimator = TextWidthEstimator()
    ) {
        self.title = title
        self.groups = groups
        self.maximumRows = maximumRows
        self.width = width
        self.effectName = effectName
        self.footnote = footnote
        self.estimator = estimator
    }

    static let margin = 16.0
    static let titleFontSize = 16.0
    static let labelFontSize = 12.0
    static let valueFontSize = 10.0
    static let footnoteFontSize = 11.0
    static let barHeight = 12.0
    static let barGap = 2.0
    static let rowGap = 10.0
    /// Between the label column and the bars.
    static let labelGap = 8.0
    /// Between a bar's end and its value label.
    static let valueGap = 4.0
    static let minimumBarWidth = 200.0
    /// Bold text is drawn wider than the regular advances the estimator knows.
    static let boldWidening = 1.1
    static let significanceMark = " *"

    /// The label drawn for a row, with the significance mark when it has one.
    public static func drawnLabel(of row: ComparisonChartRow) -> String {
        row.significant ? row.label + significanceMark : row.label
    }

    /// The text of a value label: a whole percentage, and "<1%" for a small share that is not zero.
    public static func valueLabel(_ percentage: Double) -> String {
        if percentage > 0, percentage < 0.5 { return "<1%" }
        return ChartNumber.format(percentage, decimals: 0) + "%"
    }

    /// The width a row's label takes at the label font size.
    func labelWidth(of row: ComparisonChartRow) -> Double {
        let width = estimator.width(of: Self.drawnLabel(of: row), fontSize: Self.labelFontSize)
        return row.significant ? width * Self.boldWidening : width
    }

    /// The SVG document.
    public func render(_ rows: [ComparisonChartRow]) throws(MarkupError) -> String {
        let rows = Array(rows.prefix(max(maximumRows, 0)))
        let margin = Self.margin
        let labelColumn = ChartNumber.snapped((rows.map(labelWidth).max() ?? 0).rounded(.up))
        let valueSpace = estimator.width(of: "100%", fontSize: Self.valueFontSize) + Self.valueGap + 2
        let titleWidth = estimator.width(of: title, fontSize: Self.titleFontSize) * Self.boldWidening
        let barWidth = ChartNumber.snapped(
            max(Self.minimumBarWidth, width - 2 * margin - labelColumn - Self.labelGap - valueSpace))
        let chartWidth = ChartNumber.snapped(
            max(2 * margin + labelColumn + Self.labelGap + barWidth + valueSpace, titleWidth + 2 * margin))
        let barLeft = margin + labelColumn + Self.labelGap

        let legend = ChartLegend(
            entries: groups.enumerated().map { ChartLegend.Entry(name: $0.element, colour: ChartPalette.colour(at: $0.offset)) },
            frame: (margin, margin + Self.titleFontSize + 8, chartWidth - 2 * margin), estimator: estimator)
        let tickBaseline = legend.frame.y + legend.height + 8 + Self.valueFontSize
        let rowsTop = tickBaseline + 8
        let barsPerRow = Double(max(groups.count, 1))
        let blockHeight = barsPerRow * Self.barHeight + (barsPerRow - 1) * Self.barGap
        // Without rows, the body holds one line saying so.
        let rowsBottom = rows.isEmpty
            ? rowsTop + Self.labelFontSize + Self.rowGap
            : rowsTop + Double(rows.count) * (blockHeight + Self.rowGap)
        let hasSignificant = rows.contains(where: \.significant)
        let footnoteBaseline = rowsBottom + 8 + Self.footnoteFontSize
        let height = ChartNumber.snapped((hasSignificant ? footnoteBaseline + 8 : rowsBottom + 8).rounded(.up))

        let largest = rows.flatMap { $0.percentages.prefix(groups.count) }.filter(\.isFinite).max() ?? 0
        let tickStep = largest <= 50 ? 10.0 : 20.0
        let scaleMaximum = max(tickStep, (largest / tickStep).rounded(.up) * tickStep)
        func barLength(_ percentage: Double) -> Double {
            ChartNumber.snapped(max(0, percentage) / scaleMaximum * barWidth)
        }

        let writer = try XMLWriter(indent: false)
        writer.startSVG(width: chartWidth, height: height, title: title)
        writer.label(
            title, x: margin, y: margin + Self.titleFontSize, fontSize: Self.titleFontSize, fill: "#222222", bold: true)
        legend.write(into: writer)

        writer.startGroup(class: "axis")
        var tick = 0.0
        while tick <= scaleMaximum + 1e-9 {
            let x = barLeft + barLength(tick)
            writer.line(fromX: x, y1: rowsTop - 4, toX: x, y2: max(rowsBottom - Self.rowGap + 4, rowsTop), stroke: "#E5E5E5")
            writer.label(
                ChartNumber.format(tick, decimals: 0) + "%", x: x, y: tickBaseline, fontSize: Self.valueFontSize,
                fill: "#666666", anchor: "middle")
            tick += tickStep
        }
        writer.endGroup()

        if rows.isEmpty {
            writer.label(
                "No codes to compare.", x: barLeft, y: rowsTop + Self.labelFontSize, fontSize: Self.labelFontSize,
                fill: "#666666")
        }
        for (index, row) in rows.enumerated() {
            let rowTop = rowsTop + Double(index) * (blockHeight + Self.rowGap)
            writer.startGroup(class: row.significant ? "row significant" : "row")
            writer.label(
                Self.drawnLabel(of: row), x: margin + labelColumn,
                y: ChartNumber.snapped(rowTop + blockHeight / 2 + 0.35 * Self.labelFontSize),
                fontSize: Self.labelFontSize, fill: "#222222", anchor: "end", bold: row.significant,
                tooltip: labelTooltip(for: row))
            for (groupIndex, group) in groups.enumerated() {
                guard groupIndex < row.percentages.count, row.percentages[groupIndex].isFinite else { continue }
                let percentage = row.percentages[groupIndex]
                let barTop = rowTop + Double(groupIndex) * (Self.barHeight + Self.barGap)
                let length = barLength(percentage)
                writer.rectangle(
                    ChartRect(x: barLeft, y: barTop, width: length, height: Self.barHeight),
                    fill: ChartPalette.colour(at: groupIndex),
                    tooltip: "\(row.label) — \(group): \(ChartNumber.format(percentage))% of cases")
                writer.label(
                    Self.valueLabel(percentage), x: barLeft + length + Self.valueGap,
                    y: ChartNumber.snapped(barTop + Self.barHeight / 2 + 0.35 * Self.valueFontSize),
                    fontSize: Self.valueFontSize, fill: "#333333")
            }
            writer.endGroup()
        }
        if hasSignificant {
            writer.label(footnote, x: margin, y: footnoteBaseline, fontSize: Self.footnoteFontSize, fill: "#666666")
        }
        return try writer.finishedSVG()
    }

    private func labelTooltip(for row: ComparisonChartRow) -> String {
        let values = zip(groups, row.percentages).map { "\($0): \(ChartNumber.format($1))%" }.joined(separator: ", ")
        let effect = "\(effectName) \(ChartNumber.format(row.effect, decimals: 2))"
        let significance = row.significant ? "significant" : "not significant"
        return "\(row.label) — \(values); \(effect), \(significance)"
    }
}
