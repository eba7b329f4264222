/// The visible text of HTML nodes: what a reader of the page sees as its content, one block per line.
///
/// Scripts, styles, the head, page chrome (navigation, header, footer, aside), form controls and hidden elements
/// are left out; block elements, table cells and `br` end lines; whitespace inside a line collapses to one space
/// (except in `pre`); blank lines are dropped.
enum HTMLTextExtractor {
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "nav", "header", "footer",
        "aside", "input", "select", "option", "optgroup", "datalist", "textarea", "button", "iframe", "object",
        "embed", "svg", "math", "canvas", "audio", "video", "map",
    ]
    static let blockElements: Set<String> = [
        "html", "body", "main", "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "tr", "td", "th", "table", "thead", "tbody", "tfoot", "caption", "section", "article", "blockquote", "pre",
        "address", "figure", "figcaption", "hr", "form", "fieldset", "legend", "details", "summary", "center",
        "dialog", "menu", "br",
    ]

    /// The visible text of `nodes`, each node's lines after the previous one's.
    static func text(of nodes: [XMLNode]) -> String {
        var lines = LineCollector()
        for node in nodes {
            append(node, to: &lines, preformatted: false)
            lines.endLine()
        }
        return lines.text
    }

    /// Whether the element is hidden from readers by markup (`hidden`, `aria-hidden`, an inline `display:none`).
    static func isHidden(_ element: XMLNode) -> Bool {
        if element.attribute("hidden") != nil { return true }
        if element.attribute("aria-hidden")?.trimmingWhitespace().lowercased() == "true" { return true }
        if let style = element.attribute("style")?.lowercased().filter({ !$0.isWhitespace }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        return false
    }

    private static func append(_ node: XMLNode, to lines: inout LineCollector, preformatted: Bool) {
        switch node.kind {
        case .text, .cdata, .entityReference, .attribute:
            lines.append(node.textContent, preformatted: preformatted)
        case .element:
            let name = node.localName.lowercased()
            if droppedElements.contains(name) || isHidden(node) { return }
            let isBlock = blockElements.contains(name)
            if isBlock { lines.endLine() }
            let inPre = preformatted || name == "pre" || name == "textarea"
            for child in node.children { append(child, to: &lines, preformatted: inPre) }
            if isBlock { lines.endLine() }
        case .document:
            for child in node.children { append(child, to: &lines, preformatted: preformatted) }
        default:
            return
        }
    }

    /// Gathers text into lines, collapsing whitespace the way a browser shows it.
    private struct LineCollector {
        private var finished: [String] = []
        private var current = ""

        mutating func append(_ text: String, preformatted: Bool) {
            if preformatted {
                let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
                for (index, part) in parts.enumerated() {
                    if index > 0 { endLine() }
                    current += part
                }
                return
            }
            for scalar in text.unicodeScalars {
                if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                    if !current.isEmpty, current.unicodeScalars.last != " " { current += " " }
                } else {
                    current.unicodeScalars.append(scalar)
                }
            }
        }

        mutating func endLine() {
            let line = current.trimmingWhitespace()
            if !line.isEmpty { finished.append(line) }
            current = ""
        }

        var text: String {
            var lines = finished
            let line = current.trimmingWhitespace()
            if !line.isEmpty { lines.append(line) }
            return lines.joined(separator: "\n")
        }
    }
}
