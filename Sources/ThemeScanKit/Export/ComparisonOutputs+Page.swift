extension ComparisonOutputs {
    /// `compare.html`: one self-contained page (inline CSS and SVG, no script) with the groups, the chart, every
    /// code's figures and tests, the words that changed most, and the warnings.
    func page(chart: String) -> String {
        let escape = HTMLReport.escape
        var page = "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<title>ThemeScan comparison</title>\n<style>\n\(HTMLReport.stylesheet)</style>\n</head>\n<body>\n<main>\n"
        page += "<header>\n<h1>ThemeScan comparison: \(escape(codes.labels.joined(separator: " · ")))</h1>\n</header>\n"

        page += "<section id=\"groups\">\n<h2>Groups</h2>\n<table>\n"
        page += "<tr><th>group</th><th>from</th><th>documents</th><th>cases</th><th>tokens</th></tr>\n"
        for group in groups {
            page += "<tr><td>\(escape(group.label))</td><td>\(escape(group.source))</td>"
            page += "<td class=\"number\">\(HTMLReport.grouped(group.documents))</td>"
            page += "<td class=\"number\">\(HTMLReport.grouped(group.cases))</td>"
            page += "<td class=\"number\">\(HTMLReport.grouped(group.tokens))</td></tr>\n"
        }
        page += "</table>\n</section>\n"

        page += "<section id=\"chart\">\n<h2>The codes that changed most</h2>\n"
        page += "<figure class=\"cloud\">\(HTMLReport.inlineSVG(chart))</figure>\n</section>\n"

        let two = codes.labels.count == 2
        page += "<section id=\"codes\">\n<h2>Every code</h2>\n"
        page += "<p>Cases coded (% of the group's cases) and mentions per 10,000 tokens; p-values adjusted for the "
        page += "number of codes tested (\(escape(codes.adjustment.rawValue))). Bold: adjusted p &lt; 0.05.</p>\n"
        page += "<div class=\"scroll\"><table>\n<tr><th>code</th>"
        for label in codes.labels { page += "<th>cases % \(escape(label))</th><th>per 10k \(escape(label))</th>" }
        page += "<th>G²</th><th>p adj.</th>"
        if two { page += "<th>log ratio</th><th>case diff (pp)</th>" }
        page += "<th>case test</th><th>p adj.</th><th>status</th></tr>\n"
        for row in codes.rows {
            page += "<tr><td>\(escape(row.label))</td>"
            for cell in row.cells {
                page += "<td class=\"number\">\(StatisticFormat.percent(cell?.casePercent))</td>"
                page += "<td class=\"number\">\(StatisticFormat.per10k(cell?.per10k))</td>"
            }
            page += "<td class=\"number\">\(StatisticFormat.statistic(row.rateTest.result?.statistic))</td>"
            page += Self.pCell(row.rateAdjustedP)
            if two {
                page += "<td class=\"number\">\(StatisticFormat.logRatio(row.logRatio))</td>"
                page += "<td class=\"number\">\(StatisticFormat.percent(row.caseDifference))</td>"
            }
            page += "<td>\(row.caseTest.result?.method.rawValue ?? "")</td>\(Self.pCell(row.caseAdjustedP))"
            page += "<td>\(escape(row.status.description))</td></tr>\n"
        }
        page += "</table></div>\n</section>\n"

        page += "<section id=\"words\">\n<h2>Words that changed most</h2>\n<table>\n<tr><th>word</th>"
        for label in codes.labels { page += "<th>per 10k \(escape(label))</th>" }
        page += "<th>G²</th><th>p adj.</th></tr>\n"
        for row in words.rows.prefix(Self.pageWords) {
            page += "<tr><td>\(escape(row.word))</td>"
            for rate in row.per10k { page += "<td class=\"number\">\(StatisticFormat.per10k(rate))</td>" }
            page += "<td class=\"number\">\(StatisticFormat.statistic(row.rateTest.statistic))</td>"
            page += "\(Self.pCell(row.adjustedP))</tr>\n"
        }
        page += "</table>\n</section>\n"

        page += "<section id=\"warnings\">\n<h2>Warnings</h2>\n"
        if warnings.isEmpty {
            page += "<p>None.</p>\n"
        } else {
            page += "<ul>\n" + warnings.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        page += "</section>\n</main>\n</body>\n</html>\n"
        return page
    }

    /// How many words the page lists.
    static let pageWords = 30

    /// A p-value cell, bold below 0.05.
    static func pCell(_ p: Double?) -> String {
        let text = StatisticFormat.p(p)
        guard let p, p < 0.05 else { return "<td class=\"number\">\(text)</td>" }
        return "<td class=\"number\"><strong>\(text)</strong></td>"
    }
}
