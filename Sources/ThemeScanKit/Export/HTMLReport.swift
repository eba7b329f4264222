/// Renders a `ReportModel` as one self-contained HTML5 page: inline CSS and SVG only, no script and nothing
/// fetched, so it displays offline and can be mailed or archived as a single file.
///
/// Every string from the model is HTML-escaped; only the two cloud SVGs are embedded as they are. The output
/// depends only on the model: no clock, locale or random number is read.
public enum HTMLReport {
    /// The page for `model`.
    public static func render(_ model: ReportModel) -> String {
        var page = ""
        page += "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>\(escape(model.title))</title>\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n<main>\n"
        page += "<header>\n<h1>\(escape(model.title))</h1>\n"
        runFacts(model.run, to: &page)
        page += "<nav>"
        let sections = [
            ("corpus", "Corpus"), ("top-codes", "Top codes"), ("clouds", "Clouds"), ("heat-map", "Cases × codes"),
            ("passages", "Passages"), ("unmatched", "Codes without matches"), ("warnings", "Warnings"),
        ]
        page += sections.map { "<a href=\"#\($0.0)\">\($0.1)</a>" }.joined(separator: " · ")
        page += "</nav>\n</header>\n"
        corpus(model.corpus, to: &page)
        topCodes(model.topCodes, measure: model.barMeasure, to: &page)
        clouds(code: model.codeCloudSVG, word: model.wordCloudSVG, to: &page)
        heatMap(model.heatMap, to: &page)
        samples(model.samples, to: &page)
        unmatched(model.unmatchedCodes, to: &page)
        warnings(model.warnings, to: &page)
        page += "</main>\n<footer>\(escape(model.footer))</footer>\n</body>\n</html>\n"
        return page
    }

    private static func runFacts(_ run: ReportRunFacts, to page: inout String) {
        page += "<dl class=\"facts\">\n"
        let facts = [
            ("Tool", run.toolVersion), ("Date", run.date), ("Command", run.commandLine),
            ("Codebooks", run.codebooks.joined(separator: ", ")),
        ]
        for (term, value) in facts where !value.isEmpty {
            let shown = term == "Command" ? "<code>\(escape(value))</code>" : escape(value)
            page += "<dt>\(term)</dt><dd>\(shown)</dd>\n"
        }
        page += "</dl>\n"
    }

    private static func corpus(_ corpus: ReportCorpusSummary, to page: inout String) {
        page += "<section id=\"corpus\">\n<h2>Corpus</h2>\n<div class=\"figures\">\n"
        for (label, value) in [
            ("documents", corpus.documents), ("cases", corpus.cases), ("tokens", corpus.tokens),
            ("characters", corpus.characters),
        ] {
            page += "<div class=\"figure\"><b>\(grouped(value))</b>\(label)</div>\n"
        }
        page += "</div>\n<div class=\"breakdowns\">\n"
        breakdown("Documents per format", "format", "documents", corpus.formats, to: &page)
        breakdown("Documents per encoding", "encoding", "documents", corpus.encodings, to: &page)
        breakdown("Segments per speaker role", "role", "segments", corpus.speakerRoles, to: &page)
        page += "</div>\n</section>\n"
    }

    private static func breakdown(
        _ caption: String, _ labelHeading: String, _ countHeading: String, _ counts: [ReportCount],
        to page: inout String
    ) {
        guard !counts.isEmpty else { return }
        let withTokens = counts.contains { $0.tokens != nil }
        page += "<table class=\"breakdown\">\n<caption>\(caption)</caption>\n"
        page += "<thead><tr><th>\(labelHeading)</th><th class=\"n\">\(countHeading)</th>"
        if withTokens { page += "<th class=\"n\">tokens</th>" }
        page += "</tr></thead>\n<tbody>\n"
        for count in counts {
            page += "<tr><td>\(escape(count.label))</td><td class=\"n\">\(grouped(count.count))</td>"
            if withTokens { page += "<td class=\"n\">\(count.tokens.map(grouped) ?? "")</td>" }
            page += "</tr>\n"
        }
        page += "</tbody>\n</table>\n"
    }

    private static func topCodes(_ bars: [ReportCodeBar], measure: ReportBarMeasure, to page: inout String) {
        page += "<section id=\"top-codes\">\n<h2>Top codes</h2>\n"
        guard !bars.isEmpty else {
            page += "<p class=\"none\">No code matched.</p>\n</section>\n"
            return
        }
        let value: (ReportCodeBar) -> Int = measure == .cases ? { $0.cases } : { $0.occurrences }
        let largest = max(bars.map(value).max() ?? 0, 1)
        let themes = themeColours(bars.map(\.theme))
        page += "<p class=\"note\">Bars show \(measure == .cases ? "cases coded" : "occurrences").</p>\n"
        page += "<table class=\"bars\">\n<thead><tr><th>code</th><th>theme</th><th class=\"bar-cell\"></th>"
        page += "<th class=\"n\">occurrences</th><th class=\"n\">cases</th></tr></thead>\n<tbody>\n"
        for bar in bars {
            let colour = themes[bar.theme] ?? palette[0]
            page += "<tr><td>\(escape(bar.label))</td><td class=\"theme\">\(escape(bar.theme))</td>"
            page += "<td class=\"bar-cell\"><div class=\"bar\" style=\"width:\(percent(value(bar), of: largest));"
            page += "background:\(colour)\"></div></td>"
            page += "<td class=\"n\">\(grouped(bar.occurrences))</td><td class=\"n\">\(grouped(bar.cases))</td></tr>\n"
        }
        page += "</tbody>\n</table>\n</section>\n"
    }

    private static func clouds(code: String?, word: String?, to page: inout String) {
        page += "<section id=\"clouds\">\n<h2>Clouds</h2>\n"
        if code == nil, word == nil { page += "<p class=\"none\">No cloud was drawn.</p>\n" }
        for (caption, svg) in [("Codes", code), ("Words", word)] {
            guard let svg else { continue }
            page += "<figure class=\"cloud\">\n\(inlineSVG(svg))\n<figcaption>\(caption)</figcaption>\n</figure>\n"
        }
        page += "</section>\n"
    }

    private static func samples(_ samples: [ReportCodeSample], to page: inout String) {
        page += "<section id=\"passages\">\n<h2>Passages</h2>\n"
        if samples.isEmpty { page += "<p class=\"none\">No passages.</p>\n" }
        for sample in samples {
            page += "<h3>\(escape(sample.label)) <span class=\"theme\">\(escape(sample.theme))</span> "
            page += "<span class=\"count\">\(grouped(sample.passages.count)) of \(grouped(sample.totalMatches))</span></h3>\n"
            page += "<ol class=\"passages\">\n"
            for passage in sample.passages {
                let speaker = passage.speaker.map { " · \(escape($0))" } ?? ""
                page += "<li><span class=\"where\">\(escape(passage.documentID)) · \(escape(passage.caseID))\(speaker)</span> "
                page += "<span class=\"kwic\">\(escape(passage.left))<mark>\(escape(passage.surface))</mark>"
                page += "\(escape(passage.right))</span></li>\n"
            }
            page += "</ol>\n"
        }
        page += "</section>\n"
    }

    private static func unmatched(_ labels: [String], to page: inout String) {
        page += "<section id=\"unmatched\">\n<h2>Codes without matches</h2>\n"
        if labels.isEmpty {
            page += "<p class=\"none\">Every code matched at least once.</p>\n"
        } else {
            page += "<ul class=\"unmatched\">\n"
            for label in labels { page += "<li>\(escape(label))</li>\n" }
            page += "</ul>\n"
        }
        page += "</section>\n"
    }

    private static func warnings(_ lines: [String], to page: inout String) {
        page += "<section id=\"warnings\">\n<h2>Warnings</h2>\n"
        if lines.isEmpty {
            page += "<p class=\"none\">No warnings.</p>\n"
        } else {
            page += "<ul class=\"warnings\">\n"
            for line in lines { page += "<li><code>\(escape(line))</code></li>\n" }
            page += "</ul>\n"
        }
        page += "</section>\n"
    }
}
