/// A legend of coloured swatches with names, flowed left to right into as many rows as the width needs.
struct ChartLegend {
    struct Entry {
        var name: String
        var colour: String
    }

    static let fontSize = 12.0
    static let swatchSize = 10.0
    static let rowHeight = 18.0
    /// Between a swatch and its name.
    static let swatchGap = 4.0
    /// Between one entry and the next.
    static let entryGap = 16.0

    var entries: [Entry]
    /// Where the legend starts (top left of its first row) and how wide a row may be.
    var frame: (x: Double, y: Double, width: Double)
    var estimator: TextWidthEstimator

    /// Each entry's swatch position, row by row; an entry wider than a whole row gets a row of its own.
    private var positions: [(x: Double, y: Double)] {
        var positions: [(x: Double, y: Double)] = []
        var x = frame.x
        var y = frame.y
        for entry in entries {
            let width = Self.swatchSize + Self.swatchGap + estimator.width(of: entry.name, fontSize: Self.fontSize)
            if x > frame.x, x + width > frame.x + frame.width {
                x = frame.x
                y += Self.rowHeight
            }
            positions.append((x, y))
            x += width + Self.entryGap
        }
        return positions
    }

    /// The height of all rows; zero without entries.
    var height: Double {
        guard let last = positions.last else { return 0 }
        return last.y - frame.y + Self.rowHeight
    }

    func write(into writer: XMLWriter) {
        guard !entries.isEmpty else { return }
        writer.startGroup(class: "legend")
        for (entry, position) in zip(entries, positions) {
            let swatchTop = position.y + (Self.rowHeight - Self.swatchSize) / 2
            writer.rectangle(
                ChartRect(x: position.x, y: swatchTop, width: Self.swatchSize, height: Self.swatchSize),
                fill: entry.colour)
            writer.label(
                entry.name, x: position.x + Self.swatchSize + Self.swatchGap,
                y: ChartNumber.snapped(swatchTop + Self.swatchSize), fontSize: Self.fontSize, fill: "#333333")
        }
        writer.endGroup()
    }
}
