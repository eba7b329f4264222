import Foundation

extension HTMLReport {
    /// Theme colours, assigned in order of first appearance; dark enough for white text, distinct in print.
    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22",
    ]

    /// Text safe inside an element or a quoted attribute: markup characters escaped, and characters HTML
    /// forbids (C0 controls other than tab and line breaks, noncharacters U+FFFE/U+FFFF) dropped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default:
                if XMLWriter.isAllowed(scalar) { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// An integer with thousands separated by commas, the same whatever the machine's locale.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `part` of `whole` as a CSS percentage with one decimal, computed in integers so it never varies.
    static func percent(_ part: Int, of whole: Int) -> String {
        let tenths = whole > 0 ? (max(part, 0) * 1000 + whole / 2) / whole : 0
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// A colour for each theme, in order of first appearance, cycling through `palette`.
    static func themeColours(_ themes: [String]) -> [String: String] {
        var colours: [String: String] = [:]
        for theme in themes where colours[theme] == nil {
            colours[theme] = palette[colours.count % palette.count]
        }
        return colours
    }

    /// An SVG document ready to sit inside HTML: the XML declaration, doctype and comments before the root
    /// dropped, and the SVG and XLink namespace declarations removed (HTML gives those elements their
    /// namespaces itself), so the page names no URL at all.
    static func inlineSVG(_ svg: String) -> String {
        var text = Substring(svg)
        while true {
            text = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            if text.hasPrefix("<?"), let end = text.range(of: "?>") {
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!--"), let end = text.range(of: "-->") {
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!"), let end = text.firstIndex(of: ">") {
                text = text[text.index(after: end)...]
            } else {
                break
            }
        }
        var result = String(text)
        while result.last?.isWhitespace == true { result.removeLast() }
        for declaration in [
            " xmlns=\"http://www.w3.org/2000/svg\"", " xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
            " xmlns='http://www.w3.org/2000/svg'", " xmlns:xlink='http://www.w3.org/1999/xlink'",
        ] {
            result = result.replacingOccurrences(of: declaration, with: "")
        }
        return result
    }
}
