import Foundation
import Testing

@testable import ThemeScanKit

/// The comparison chart, read back from its SVG: labels, bars and value labels must not overlap and must stay
/// inside the picture, bars must be as long as their percentages, and significant rows must be marked.
@Suite struct ComparisonChartTests {
    static let svg = ["s": "http://www.w3.org/2000/svg"]

    struct DrawnText {
        var text: String
        var box: ChartRect
        var bold: Bool
        var rowClass: String?
    }

    struct ParsedChart {
        var viewBox: ChartRect
        var bars: [ChartRect]
        var barTooltips: [String]
        var labels: [DrawnText]
        var values: [DrawnText]
        var allTexts: [DrawnText]
        var legendNames: [String]
    }

    /// The box a `<text>` covers, from its anchor, font size and weight, measured as the chart measured it.
    static func box(of node: XMLNode) throws -> DrawnText {
        let text = node.children.filter { $0.kind == .text }.map(\.textContent).joined()
        let x = try #require(node.attribute("x").flatMap(Double.init))
        let y = try #require(node.attribute("y").flatMap(Double.init))
        let fontSize = try #require(node.attribute("font-size").flatMap(Double.init))
        let bold = node.attribute("font-weight") == "bold"
        let width = TextWidthEstimator().width(of: text, fontSize: fontSize) * (bold ? ComparisonChartSVG.boldWidening : 1)
        let left: Double
        switch node.attribute("text-anchor") {
        case "end": left = x - width
        case "middle": left = x - width / 2
        default: left = x
        }
        return DrawnText(
            text: text,
            box: ChartRect(
                x: left, y: y - TextWidthEstimator.ascent * fontSize, width: width,
                height: (TextWidthEstimator.ascent + TextWidthEstimator.descent) * fontSize),
            bold: bold, rowClass: node.parent?.attribute("class"))
    }

    static func parse(_ document: String) throws -> ParsedChart {
        let tree = try XMLTree(xml: Array(document.utf8))
        let root = try #require(tree.root)
        let viewBox = try #require(root.attribute("viewBox")).split(separator: " ").compactMap { Double(String($0)) }
        try #require(viewBox.count == 4)
        let rowGroups = "//s:g[starts-with(@class, 'row')]"
        var bars: [ChartRect] = []
        var tooltips: [String] = []
        for rect in try tree.evaluate(rowGroups + "/s:rect", namespaces: svg).nodes {
            bars.append(
                ChartRect(
                    x: try #require(rect.attribute("x").flatMap(Double.init)),
                    y: try #require(rect.attribute("y").flatMap(Double.init)),
                    width: try #require(rect.attribute("width").flatMap(Double.init)),
                    height: try #require(rect.attribute("height").flatMap(Double.init))))
            tooltips.append(rect.elementChildren.first { $0.localName == "title" }?.textContent ?? "")
        }
        let rowTexts = try tree.evaluate(rowGroups + "/s:text", namespaces: svg).nodes
        return ParsedChart(
            viewBox: ChartRect(x: viewBox[0], y: viewBox[1], width: viewBox[2], height: viewBox[3]), bars: bars,
            barTooltips: tooltips,
            labels: try rowTexts.filter { $0.attribute("text-anchor") == "end" }.map(box),
            values: try rowTexts.filter { $0.attribute("text-anchor") == "start" }.map(box),
            allTexts: try tree.evaluate("//s:text", namespaces: svg).nodes.map(box),
            legendNames: try tree.evaluate("//s:g[@class='legend']/s:text", namespaces: svg).nodes.map(\.textContent))
    }

    static let rows = [
        ComparisonChartRow(label: "校园欺凌", percentages: [19, 41], effect: 22, significant: true),
        ComparisonChartRow(label: "情绪与情绪管理能力培养（学校社会工作）", percentages: [55.5, 30], effect: -25.5, significant: true),
        ComparisonChartRow(label: "case management", percentages: [10, 18], effect: 8, significant: false),
        ComparisonChartRow(label: "抑郁", percentages: [0.3, 0], effect: -0.3, significant: false),
        ComparisonChartRow(label: "ADHD 筛查", percentages: [100, 92], effect: -8, significant: false),
    ]

    /// Checks that nothing drawn in a row overlaps anything else and everything stays inside the picture.
    @discardableResult
    static func checkGeometry(_ document: String) throws -> ParsedChart {
        let chart = try parse(document)
        for text in chart.allTexts {
            #expect(chart.viewBox.contains(text.box), "\(text.text) leaves the picture: \(text.box)")
        }
        for bar in chart.bars {
            #expect(chart.viewBox.contains(bar))
        }
        for label in chart.labels + chart.values {
            for bar in chart.bars {
                #expect(!label.box.intersects(bar), "\(label.text) \(label.box) overlaps a bar \(bar)")
            }
        }
        let rowTexts = chart.labels + chart.values
        for (index, text) in rowTexts.enumerated() {
            for other in rowTexts[(index + 1)...] {
                #expect(!text.box.intersects(other.box), "\(text.text) overlaps \(other.text)")
            }
        }
        return chart
    }

    @Test func labelsNeverReachTheBars() throws {
        let document = try ComparisonChartSVG(title: "Codes that changed most, 2023 → 2024", groups: ["2023", "2024"])
            .render(Self.rows)
        let chart = try Self.checkGeometry(document)
        #expect(chart.labels.map(\.text) == [
            "校园欺凌 *", "情绪与情绪管理能力培养（学校社会工作） *", "case management", "抑郁", "ADHD 筛查",
        ])
        #expect(chart.bars.count == 10)
        let barLeft = try #require(chart.bars.map(\.x).min())
        for label in chart.labels {
            #expect(label.box.maxX < barLeft)
            #expect(label.box.x >= 0)
        }
        #expect(chart.legendNames == ["2023", "2024"])
    }

    @Test func barsAreAsLongAsTheirPercentages() throws {
        let document = try ComparisonChartSVG(title: "t", groups: ["2023", "2024"]).render(Self.rows)
        let chart = try Self.parse(document)
        // Row order is kept and bars go group by group: 19, 41, 55.5, 30, 10, 18, 0.3, 0, 100, 92.
        let widths = chart.bars.map(\.width)
        let full = widths[8]
        #expect(abs(widths[0] / full - 0.19) < 0.002)
        #expect(abs(widths[1] / full - 0.41) < 0.002)
        #expect(abs(widths[2] / full - 0.555) < 0.002)
        #expect(widths[7] == 0)
        #expect(chart.values.map(\.text) == ["19%", "41%", "56%", "30%", "10%", "18%", "<1%", "0%", "100%", "92%"])
        #expect(chart.barTooltips[0] == "校园欺凌 — 2023: 19% of cases")
        // The two groups' bars take their own colours.
        let fills = try XMLTree(xml: Array(document.utf8))
            .evaluate("//s:g[starts-with(@class, 'row')]/s:rect/@fill", namespaces: Self.svg).nodes.map(\.textContent)
        #expect(Array(fills.prefix(2)) == [ChartPalette.colours[0], ChartPalette.colours[1]])
    }

    @Test func significantRowsAreMarkedAndExplained() throws {
        let document = try ComparisonChartSVG(title: "t", groups: ["2023", "2024"]).render(Self.rows)
        let chart = try Self.parse(document)
        #expect(chart.labels.filter(\.bold).map(\.text) == ["校园欺凌 *", "情绪与情绪管理能力培养（学校社会工作） *"])
        #expect(chart.labels.filter(\.bold).allSatisfy { $0.rowClass == "row significant" })
        #expect(chart.allTexts.contains { $0.text == "* adjusted p < 0.05" })

        let plain = try ComparisonChartSVG(title: "t", groups: ["2023", "2024"])
            .render(Self.rows.map { ComparisonChartRow(label: $0.label, percentages: $0.percentages, effect: $0.effect, significant: false) })
        let plainChart = try Self.checkGeometry(plain)
        #expect(!plainChart.allTexts.contains { $0.text.contains("adjusted p") })
        #expect(plainChart.labels.allSatisfy { !$0.bold })
    }

    @Test func threeGroupsAndTheRowLimit() throws {
        let rows = (0..<30).map { (index: Int) -> ComparisonChartRow in
            let share = Double(index)
            return ComparisonChartRow(
                label: "代码\(index)", percentages: [share, 30 - share, 15], effect: share, significant: index % 4 == 0)
        }
        let document = try ComparisonChartSVG(title: "t", groups: ["2022", "2023", "2024"], maximumRows: 12).render(rows)
        let chart = try Self.checkGeometry(document)
        let expected = rows.prefix(12).map { ComparisonChartSVG.drawnLabel(of: $0) }
        #expect(chart.labels.map(\.text) == expected)
        #expect(chart.bars.count == 36)
    }

    @Test func veryLongLabelsWidenTheChartInsteadOfOverlapping() throws {
        let long = String(repeating: "儿童青少年心理健康", count: 12)
        let rows = [ComparisonChartRow(label: long, percentages: [12, 60], effect: 48, significant: true)]
        let document = try ComparisonChartSVG(title: "t", groups: ["a", "b"]).render(rows)
        let chart = try Self.checkGeometry(document)
        #expect(chart.viewBox.width > 900)
        #expect(try #require(chart.bars.first).width >= ComparisonChartSVG.minimumBarWidth * 0.12 - 0.1)
    }

    @Test func emptyAndOddInputStillGiveAPicture() throws {
        let empty = try Self.checkGeometry(ComparisonChartSVG(title: "t", groups: ["2023", "2024"]).render([]))
        #expect(empty.bars.isEmpty)
        #expect(empty.allTexts.contains { $0.text == "No codes to compare." })
        let odd = [
            ComparisonChartRow(label: "short", percentages: [5], effect: 1, significant: false),
            ComparisonChartRow(label: "nan", percentages: [.nan, 3, 99], effect: .nan, significant: false),
        ]
        let chart = try Self.checkGeometry(ComparisonChartSVG(title: "t", groups: ["2023", "2024"]).render(odd))
        #expect(chart.bars.count == 2)
    }

    @Test func textIsEscaped() throws {
        let rows = [ComparisonChartRow(label: "<&\">'", percentages: [1, 2], effect: 1, significant: true)]
        let document = try ComparisonChartSVG(title: "A & B <C>", groups: ["\"x\"", "y&z"]).render(rows)
        let chart = try Self.checkGeometry(document)
        #expect(chart.labels.map(\.text) == ["<&\">' *"])
        #expect(chart.legendNames == ["\"x\"", "y&z"])
        #expect(chart.allTexts.first?.text == "A & B <C>")
    }

    @Test func sameInputSameBytes() throws {
        let renderer = ComparisonChartSVG(title: "t", groups: ["2023", "2024"])
        #expect(try renderer.render(Self.rows) == renderer.render(Self.rows))
    }

    @Test func goldenComparisonChart() throws {
        let document = try ComparisonChartSVG(title: "Codes that changed most between years", groups: ["2023", "2024"])
            .render(Array(Self.rows.prefix(4)))
        try GoldenSVG.check(document, against: "compare.svg")
    }
}
