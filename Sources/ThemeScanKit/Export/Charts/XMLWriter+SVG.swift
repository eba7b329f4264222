/// SVG building blocks for the charts, written through `XMLWriter` so every label is escaped by libxml2.
///
/// The writer is used without indentation and each element is put on its own line here, between elements only:
/// indentation would put line breaks inside `<text>` around its `<title>`, which a renderer may draw as spaces.
extension XMLWriter {
    static let svgNamespace = "http://www.w3.org/2000/svg"

    /// Opens a standalone SVG 1.1 root of the given size with its `<title>`, and a white background so the chart
    /// reads the same on a dark page.
    func startSVG(width: Double, height: Double, title: String) {
        let width = ChartNumber.format(width)
        let height = ChartNumber.format(height)
        startElement("svg")
        attribute("xmlns", Self.svgNamespace)
        attribute("version", "1.1")
        attribute("width", width)
        attribute("height", height)
        attribute("viewBox", "0 0 \(width) \(height)")
        text("\n")
        element("title", text: title)
        text("\n")
        startElement("rect")
        attribute("width", "100%")
        attribute("height", "100%")
        attribute("fill", "#FFFFFF")
        endElement()
    }

    /// A filled rectangle, with an optional tooltip.
    func rectangle(_ rect: ChartRect, fill: String, tooltip: String? = nil) {
        text("\n")
        startElement("rect")
        attribute("x", ChartNumber.format(rect.x))
        attribute("y", ChartNumber.format(rect.y))
        attribute("width", ChartNumber.format(rect.width))
        attribute("height", ChartNumber.format(rect.height))
        attribute("fill", fill)
        if let tooltip { element("title", text: tooltip) }
        endElement()
    }

    /// A line of text in the charts' font; `anchor` is `start`, `middle` or `end`, and the tooltip becomes a
    /// `<title>` child, which browsers show on hover.
    func label(
        _ text: String, x: Double, y: Double, fontSize: Double, fill: String, anchor: String = "start",
        bold: Bool = false, tooltip: String? = nil
    ) {
        self.text("\n")
        startElement("text")
        attribute("x", ChartNumber.format(x))
        attribute("y", ChartNumber.format(y))
        attribute("font-size", ChartNumber.format(fontSize))
        attribute("font-family", ChartFont.family)
        if bold { attribute("font-weight", "bold") }
        attribute("fill", fill)
        attribute("text-anchor", anchor)
        if let tooltip { element("title", text: tooltip) }
        self.text(text)
        endElement()
    }

    /// A straight line.
    func line(fromX x1: Double, y1: Double, toX x2: Double, y2: Double, stroke: String) {
        text("\n")
        startElement("line")
        attribute("x1", ChartNumber.format(x1))
        attribute("y1", ChartNumber.format(y1))
        attribute("x2", ChartNumber.format(x2))
        attribute("y2", ChartNumber.format(y2))
        attribute("stroke", stroke)
        attribute("stroke-width", "1")
        endElement()
    }

    /// Opens a `<g>` of the given class on a new line.
    func startGroup(class name: String) {
        text("\n")
        startElement("g")
        attribute("class", name)
    }

    /// Closes a group opened with `startGroup`, on a line of its own.
    func endGroup() {
        text("\n")
        endElement()
    }

    /// Closes the `<svg>` root and returns the document as text.
    func finishedSVG() throws(MarkupError) -> String {
        text("\n")
        endElement()
        return String(decoding: try finish(), as: UTF8.self)
    }
}
