extension HTMLReport {
    /// The case × code table, shaded in proportion to each count. Codes that occur in no case are left out
    /// (and counted in a note), so a large codebook with a small corpus still gives a readable table; so are the
    /// cases beyond the map's limit (`ReportHeatMap.hiddenCases`).
    static func heatMap(_ map: ReportHeatMap, to page: inout String) {
        page += "<section id=\"heat-map\">\n<h2>Cases × codes</h2>\n"
        func count(_ row: Int, _ column: Int) -> Int {
            map.counts.indices.contains(row) && map.counts[row].indices.contains(column) ? map.counts[row][column] : 0
        }
        let shown = map.codeLabels.indices.filter { column in map.caseIDs.indices.contains { count($0, column) > 0 } }
        guard !shown.isEmpty else {
            page += "<p class=\"none\">No code occurs in any case.</p>\n</section>\n"
            return
        }
        let largest = max(map.caseIDs.indices.flatMap { row in shown.map { count(row, $0) } }.max() ?? 1, 1)
        let hidden = map.codeLabels.count - shown.count
        page += "<p class=\"note\">Occurrences per case; darker is more (the darkest cell is \(grouped(largest)))."
        if hidden > 0 { page += " \(grouped(hidden)) code\(hidden == 1 ? "" : "s") with no occurrence not shown." }
        if map.hiddenCases > 0 {
            let all = map.caseIDs.count + map.hiddenCases
            page += " The \(grouped(map.caseIDs.count)) cases with the most occurrences are shown, of \(grouped(all));"
            page += " case_codes.csv has every case."
        }
        page += "</p>\n<div class=\"heat\">\n<table>\n<thead><tr><th class=\"corner\">case</th>"
        for column in shown {
            let label = escape(map.codeLabels[column])
            page += "<th class=\"code\" title=\"\(label)\">\(label)</th>"
        }
        page += "</tr></thead>\n<tbody>\n"
        for (row, caseID) in map.caseIDs.enumerated() {
            let name = escape(caseID)
            page += "<tr><th>\(name)</th>"
            for column in shown {
                let value = count(row, column)
                guard value > 0 else {
                    page += "<td></td>"
                    continue
                }
                // Opacity in hundredths, from integers so the bytes never vary; a count of one stays visible.
                let opacity = max((value * 100 + largest / 2) / largest, 8)
                let ink = opacity >= 55 ? ";color:#fff" : ""
                let shade = opacity == 100 ? "1" : "0.\(opacity < 10 ? "0" : "")\(opacity)"
                page += "<td style=\"background:rgba(31,119,180,\(shade))\(ink)\" "
                page += "title=\"\(name) · \(escape(map.codeLabels[column])): \(value)\">\(value)</td>"
            }
            page += "</tr>\n"
        }
        page += "</tbody>\n</table>\n</div>\n</section>\n"
    }
}
