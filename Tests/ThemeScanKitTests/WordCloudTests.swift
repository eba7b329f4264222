import Foundation
import Testing

@testable import ThemeScanKit

/// Word-cloud layout and its SVG, checked by reading the SVG back: boxes are rebuilt from each `<text>`'s position
/// and font size with the same width estimate, then tested for overlap and for staying inside the canvas.
@Suite struct WordCloudTests {
    /// One drawn word as the SVG states it.
    struct DrawnWord {
        var label: String
        var x: Double
        var baseline: Double
        var fontSize: Double
        var fill: String
        var tooltip: String

        var box: ChartRect {
            let width = TextWidthEstimator().width(of: label, fontSize: fontSize)
            return ChartRect(
                x: x - width / 2, y: baseline - TextWidthEstimator.ascent * fontSize, width: width,
                height: (TextWidthEstimator.ascent + TextWidthEstimator.descent) * fontSize)
        }
    }

    /// What a rendered cloud contains.
    struct ParsedCloud {
        var viewBox: ChartRect
        var words: [DrawnWord]
        var legendBoxes: [ChartRect]
        var legendNames: [String]
    }

    static let chinese = [
        "个案管理", "抑郁", "焦虑", "校园欺凌", "情绪管理", "亲子关系", "心理健康教育", "自伤", "留守儿童", "社会工作者",
        "家庭", "学校", "同伴支持", "危机干预", "心理咨询", "创伤", "压力", "睡眠", "网络成瘾", "注意力",
        "自尊", "孤独", "抗逆力", "转介", "评估", "团体辅导", "家访", "社区", "教师培训", "正念",
        "沟通", "依恋", "behavior问题", "ADHD筛查", "厌学", "休学", "冲突", "情绪识别", "表达", "陪伴",
        "小组活动", "绘画治疗", "游戏治疗", "生命教育", "性教育", "安全", "隐私", "资助", "志愿者", "督导",
    ]
    static let english = [
        "case management", "bullying", "depression", "anxiety", "resilience", "self-harm", "left-behind children",
        "social worker", "family", "school", "peer support", "crisis intervention", "counselling", "trauma", "stress",
        "sleep", "internet addiction", "attention", "self-esteem", "loneliness", "referral", "assessment",
        "group work", "home visit", "community", "teacher training", "mindfulness", "communication", "attachment",
        "CBT", "dropout", "conflict", "emotion recognition", "expression", "companionship", "play therapy",
        "art therapy", "life education", "sex education", "safety", "privacy", "funding", "volunteers",
        "supervision", "parenting", "screening", "hotline", "stigma", "wellbeing", "mental health literacy",
    ]
    static let themes = ["issues", "competence", "intervention-types", "settings", "providers"]

    /// 100 mixed Chinese and English words with weights from 1 to about 120, spread unevenly as word counts are.
    static var hundredWords: [WordCloudWord] {
        (chinese + english).enumerated().map { index, label in
            let weight = Double(120 / (index % 37 + 1) + (index * 7) % 5 + 1)
            return WordCloudWord(label: label, weight: weight, group: themes[index % themes.count])
        }
    }

    static func parse(_ svg: String) throws -> ParsedCloud {
        let tree = try XMLTree(xml: Array(svg.utf8))
        let root = try #require(tree.root)
        #expect(root.localName == "svg")
        #expect(root.namespaceURI == "http://www.w3.org/2000/svg")
        let viewBox = try #require(root.attribute("viewBox")).split(separator: " ").compactMap { Double(String($0)) }
        try #require(viewBox.count == 4)
        #expect(root.attribute("width") == ChartNumber.format(viewBox[2]))
        #expect(root.attribute("height") == ChartNumber.format(viewBox[3]))
        let namespaces = ["s": "http://www.w3.org/2000/svg"]
        let words = try tree.evaluate("//s:g[@class='words']/s:text", namespaces: namespaces).nodes.map { node in
            DrawnWord(
                label: node.children.filter { $0.kind == .text }.map(\.textContent).joined(),
                x: try #require(node.attribute("x").flatMap(Double.init)),
                baseline: try #require(node.attribute("y").flatMap(Double.init)),
                fontSize: try #require(node.attribute("font-size").flatMap(Double.init)),
                fill: try #require(node.attribute("fill")),
                tooltip: node.elementChildren.first { $0.localName == "title" }?.textContent ?? "")
        }
        let legendRects = try tree.evaluate("//s:g[@class='legend']/s:rect", namespaces: namespaces).nodes
        let legendTexts = try tree.evaluate("//s:g[@class='legend']/s:text", namespaces: namespaces).nodes
        var legendBoxes: [ChartRect] = []
        for rect in legendRects {
            legendBoxes.append(
                ChartRect(
                    x: try #require(rect.attribute("x").flatMap(Double.init)),
                    y: try #require(rect.attribute("y").flatMap(Double.init)),
                    width: try #require(rect.attribute("width").flatMap(Double.init)),
                    height: try #require(rect.attribute("height").flatMap(Double.init))))
        }
        for text in legendTexts {
            let fontSize = try #require(text.attribute("font-size").flatMap(Double.init))
            let x = try #require(text.attribute("x").flatMap(Double.init))
            let y = try #require(text.attribute("y").flatMap(Double.init))
            legendBoxes.append(
                ChartRect(
                    x: x, y: y - TextWidthEstimator.ascent * fontSize,
                    width: TextWidthEstimator().width(of: text.textContent, fontSize: fontSize),
                    height: (TextWidthEstimator.ascent + TextWidthEstimator.descent) * fontSize))
        }
        return ParsedCloud(
            viewBox: ChartRect(x: viewBox[0], y: viewBox[1], width: viewBox[2], height: viewBox[3]), words: words,
            legendBoxes: legendBoxes, legendNames: legendTexts.map(\.textContent))
    }

    /// Checks the drawn words against each other, the canvas and the legend; returns the parsed cloud.
    @discardableResult
    static func checkGeometry(of cloud: WordCloud, padding: Double = 2) throws -> ParsedCloud {
        let svg = try WordCloudSVG(title: "test", neutralGroup: "other").render(cloud)
        let parsed = try parse(svg)
        #expect(parsed.words.count == cloud.placements.count)
        let canvas = ChartRect(x: 0, y: 0, width: cloud.width, height: cloud.height)
        for (index, word) in parsed.words.enumerated() {
            #expect(canvas.contains(word.box), "\(word.label) leaves the canvas: \(word.box)")
            #expect(parsed.viewBox.contains(word.box))
            for other in parsed.words[(index + 1)...] {
                #expect(
                    !word.box.outset(by: padding - 1e-6).intersects(other.box),
                    "\(word.label) \(word.box) and \(other.label) \(other.box) overlap")
            }
            for legendBox in parsed.legendBoxes {
                #expect(!word.box.intersects(legendBox), "\(word.label) covers the legend")
            }
        }
        for legendBox in parsed.legendBoxes {
            #expect(parsed.viewBox.contains(legendBox))
        }
        return parsed
    }

    @Test func hundredMixedWordsDoNotOverlapAndStayInside() throws {
        let cloud = WordCloudLayout().layout(Self.hundredWords)
        #expect(cloud.placements.count + cloud.omitted.count == 100)
        #expect(cloud.placements.count >= 90, "a 900×560 canvas holds most of 100 words")
        let parsed = try Self.checkGeometry(of: cloud)
        #expect(Set(parsed.words.map(\.label)) == Set(cloud.placements.map(\.word.label)))
        #expect(parsed.words.contains { $0.label == "个案管理" })
        #expect(parsed.words.contains { $0.label == "case management" })
    }

    @Test func oneHugeWordAmongSmallOnes() throws {
        var words = [WordCloudWord(label: "心理健康", weight: 10_000, group: "issues")]
        words += (1...40).map { WordCloudWord(label: "word\($0)", weight: 1, group: "other") }
        let cloud = WordCloudLayout().layout(words)
        try Self.checkGeometry(of: cloud)
        let huge = try #require(cloud.placements.first)
        #expect(huge.word.label == "心理健康")
        #expect(huge.fontSize == 64)
        #expect(cloud.placements.dropFirst().allSatisfy { $0.fontSize == 11 })
        // The heaviest word is placed first, at the centre, and the cloud stays centred around it.
        #expect(abs(huge.x - 450) < 20)
        #expect(abs((huge.box.y + huge.box.maxY) / 2 - 280) < 20)
    }

    @Test func manyEqualWeightsAreOrderedByLabel() throws {
        let words = (0..<150).map { WordCloudWord(label: "词\($0)", weight: 5, group: Self.themes[$0 % 5]) }
        let cloud = WordCloudLayout().layout(words.reversed())
        try Self.checkGeometry(of: cloud)
        let labels = cloud.placements.map(\.word.label) + cloud.omitted.map(\.label)
        #expect(labels == words.map(\.label).sorted())
        #expect(Set(cloud.placements.map(\.fontSize)).count == 1)
    }

    @Test func aVeryLongLabelIsShrunkToFitAndSaysSo() throws {
        let long = String(repeating: "mental health education ", count: 3) + "programme"
        let words = [
            WordCloudWord(label: long, weight: 50, group: "issues"),
            WordCloudWord(label: "抑郁", weight: 10, group: "issues"),
        ]
        let cloud = WordCloudLayout().layout(words)
        try Self.checkGeometry(of: cloud)
        let placed = try #require(cloud.placements.first { $0.word.label == long })
        #expect(placed.wasShrunk)
        #expect(placed.fontSize < placed.nominalFontSize)
        #expect(placed.box.width <= 900)
    }

    @Test func aWordThatCannotFitIsOmittedNotOverlapped() throws {
        let tooLong = String(repeating: "m", count: 200)
        let words = [
            WordCloudWord(label: tooLong, weight: 3, group: "a"),
            WordCloudWord(label: "焦虑", weight: 2, group: "a"),
            WordCloudWord(label: "", weight: 9, group: "a"),
            WordCloudWord(label: "zero", weight: 0, group: "a"),
            WordCloudWord(label: "nan", weight: .nan, group: "a"),
        ]
        let cloud = WordCloudLayout().layout(words)
        #expect(cloud.placements.map(\.word.label) == ["焦虑"])
        #expect(Set(cloud.omitted.map(\.label)) == [tooLong, "", "zero", "nan"])
        try Self.checkGeometry(of: cloud)
    }

    @Test func aSmallCloudIsCentred() throws {
        let words = ["抑郁", "焦虑", "bullying", "校园欺凌", "case management"].enumerated().map {
            WordCloudWord(label: $0.element, weight: Double(10 - $0.offset), group: "g")
        }
        let cloud = WordCloudLayout(width: 600, height: 400).layout(words)
        try Self.checkGeometry(of: cloud)
        let left = cloud.placements.map(\.box.x).min()!, right = cloud.placements.map(\.box.maxX).max()!
        let top = cloud.placements.map(\.box.y).min()!, bottom = cloud.placements.map(\.box.maxY).max()!
        #expect(abs((left + right) / 2 - 300) <= 0.1)
        #expect(abs((top + bottom) / 2 - 200) <= 0.1)
    }

    @Test func aCanvasWithNoRoomOmitsEverything() {
        let words = [WordCloudWord(label: "抑郁", weight: 1, group: "g")]
        for (width, height) in [(0.0, 0.0), (3, 300), (-5, 100), (.nan, 100), (.infinity, 100)] {
            let cloud = WordCloudLayout(width: width, height: height).layout(words)
            #expect(cloud.placements.isEmpty)
            #expect(cloud.omitted == words)
        }
    }

    @Test func aFullCanvasOmitsTheRest() throws {
        let words = (0..<120).map { WordCloudWord(label: "个案管理\($0)", weight: Double(200 - $0), group: "g") }
        let cloud = WordCloudLayout(width: 300, height: 200).layout(words)
        #expect(!cloud.omitted.isEmpty)
        #expect(cloud.placements.count + cloud.omitted.count == 120)
        try Self.checkGeometry(of: cloud)
    }

    @Test func sameInputGivesTheSameBytesInAnyOrder() throws {
        let words = Self.hundredWords
        let renderer = WordCloudSVG(title: "codes", groupOrder: Self.themes, neutralGroup: "other")
        let first = try renderer.render(WordCloudLayout().layout(words))
        let again = try renderer.render(WordCloudLayout().layout(words))
        let reordered = try renderer.render(WordCloudLayout().layout(words.reversed()))
        let shuffled = try renderer.render(WordCloudLayout().layout(words.enumerated().sorted { ($0.offset * 31) % 100 < ($1.offset * 31) % 100 }.map(\.element)))
        #expect(first == again)
        #expect(first == reordered)
        #expect(first == shuffled)
        #expect(first.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil, "no dates")
    }

    @Test(arguments: [WordCloudScaling.area, .linear])
    func fontSizesGrowWithWeightUnlessShrunk(scaling: WordCloudScaling) throws {
        let cloud = WordCloudLayout(scaling: scaling).layout(Self.hundredWords)
        let placements = cloud.placements
        for (heavier, lighter) in zip(placements, placements.dropFirst()) {
            #expect(heavier.word.weight >= lighter.word.weight)
            #expect(heavier.nominalFontSize >= lighter.nominalFontSize)
            if !heavier.wasShrunk {
                #expect(heavier.fontSize >= lighter.fontSize, "\(heavier.word.label) is smaller than \(lighter.word.label)")
            }
        }
        for placement in placements {
            #expect(placement.fontSize >= 11 && placement.fontSize <= 64)
        }
        // Area scaling: a word with a quarter of the heaviest weight gets half the largest size.
        let sized = WordCloudLayout(scaling: scaling).layout([
            WordCloudWord(label: "a", weight: 400, group: "g"), WordCloudWord(label: "b", weight: 100, group: "g"),
        ])
        let expected = scaling == .area ? 32.0 : 16.0
        #expect(sized.placements.map(\.fontSize) == [64, expected])
    }

    @Test func coloursFollowTheGroupOrderAndTheNeutralGroup() throws {
        let words = [
            WordCloudWord(label: "抑郁", weight: 9, group: "issues"),
            WordCloudWord(label: "学校", weight: 8, group: "settings"),
            WordCloudWord(label: "孩子", weight: 7, group: "other"),
            WordCloudWord(label: "zeta", weight: 6, group: "unlisted"),
        ]
        let cloud = WordCloudLayout().layout(words)
        let renderer = WordCloudSVG(title: "t", groupOrder: ["competence", "settings", "issues"], neutralGroup: "other")
        let colours = renderer.colours(for: cloud)
        #expect(colours["settings"] == ChartPalette.colours[1])
        #expect(colours["issues"] == ChartPalette.colours[2])
        #expect(colours["unlisted"] == ChartPalette.colours[3])
        #expect(colours["other"] == ChartPalette.neutral)
        let parsed = try Self.checkGeometry(of: cloud)
        #expect(try Self.parse(renderer.render(cloud)).legendNames == ["settings", "issues", "unlisted", "other"])
        #expect(parsed.words.first { $0.label == "抑郁" }?.tooltip == "抑郁: 9 occurrences (issues)")
    }

    @Test func labelsAreEscaped() throws {
        let words = [
            WordCloudWord(label: "<&\">'", weight: 5, group: "a&b <c>"),
            WordCloudWord(label: "]]>", weight: 3, group: "\"q\""),
        ]
        let cloud = WordCloudLayout().layout(words)
        let svg = try WordCloudSVG(title: "Title with <&> \"quotes\"").render(cloud)
        let parsed = try Self.checkGeometry(of: cloud)
        #expect(parsed.words.map(\.label) == ["<&\">'", "]]>"])
        #expect(parsed.legendNames.sorted() == ["\"q\"", "a&b <c>"])
        let tree = try XMLTree(xml: Array(svg.utf8))
        let title = try tree.evaluate("/s:svg/s:title", namespaces: ["s": "http://www.w3.org/2000/svg"]).nodes
        #expect(title.map(\.textContent) == ["Title with <&> \"quotes\""])
    }

    @Test func goldenWordCloud() throws {
        let words = [
            WordCloudWord(label: "校园欺凌", weight: 107, group: "issues"),
            WordCloudWord(label: "情绪与情绪管理", weight: 83, group: "competence"),
            WordCloudWord(label: "抑郁", weight: 69, group: "issues"),
            WordCloudWord(label: "焦虑", weight: 39, group: "issues"),
            WordCloudWord(label: "case management", weight: 21, group: "intervention-types"),
            WordCloudWord(label: "孩子", weight: 15, group: "other"),
            WordCloudWord(label: "bullying", weight: 12, group: "issues"),
            WordCloudWord(label: "亲子关系", weight: 12, group: "protective-family"),
        ]
        let svg = try WordCloudSVG(
            title: "Codes by occurrences", groupOrder: ["issues", "competence", "intervention-types", "protective-family"],
            neutralGroup: "other"
        ).render(WordCloudLayout(width: 480, height: 300, maximumFontSize: 48).layout(words))
        try GoldenSVG.check(svg, against: "wordcloud.svg")
    }
}
