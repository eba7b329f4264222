/// Places words on a canvas as a word cloud: horizontal, sized by weight, never overlapping, all inside.
///
/// Font sizes follow `scaling` from `maximumFontSize` for the heaviest word, never below `minimumFontSize`. When
/// the words at those sizes would cover more than `maximumCoverage` of the canvas, every size is scaled down by
/// one factor (still never below the minimum), so a crowded cloud stays proportional instead of dropping words.
///
/// Words are placed heaviest first (ties by label, then group, so the input order never matters). Each one
/// walks an Archimedean spiral out from the centre of the canvas, stretched to the canvas's aspect ratio, and
/// takes the first spot where its box, grown by `padding`, meets no box already placed and stays `padding` away
/// from the canvas edge. A word that finds no spot is tried again at 85% of the size, down to
/// `minimumFontSize`, and is left out (listed in `WordCloud.omitted`) rather than drawn over another. The finished
/// cloud is then moved as a whole to the middle of the canvas. Nothing is random, so the same words always give
/// the same cloud.
///
/// Positions and font sizes are snapped to tenths before boxes are measured, so an SVG that prints them with one
/// decimal draws exactly the boxes that were checked.
public struct WordCloudLayout: Sendable {
    /// The width of the area the words are placed in.
    public var width: Double
    /// The height of the area the words are placed in.
    public var height: Double
    /// The font size of the lightest words, and the smallest a word is shrunk to.
    public var minimumFontSize: Double
    /// The font size of the heaviest word.
    public var maximumFontSize: Double
    /// How weights become font sizes between the two.
    public var scaling: WordCloudScaling
    /// The least gap between two words, and between a word and the canvas edge.
    public var padding: Double
    /// The share of the canvas the words' boxes may cover before all sizes are scaled down; about half leaves
    /// room for the gaps a spiral packing leaves.
    public var maximumCoverage: Double
    /// Measures the words.
    public var estimator: TextWidthEstimator

    public init(
        width: Double = 900, height: Double = 560, minimumFontSize: Double = 11, maximumFontSize: Double = 64,
        scaling: WordCloudScaling = .area, padding: Double = 2, maximumCoverage: Double = 0.5,
        estimator: TextWidthEstimator = TextWidthEstimator()
    ) {
        self.width = width
        self.height = height
        self.minimumFontSize = minimumFontSize
        self.maximumFontSize = maximumFontSize
        self.scaling = scaling
        self.padding = padding
        self.maximumCoverage = maximumCoverage
        self.estimator = estimator
    }

    /// The cloud of `words`; duplicates are placed twice.
    public func layout(_ words: [WordCloudWord]) -> WordCloud {
        let ordered = words.sorted(by: Self.drawingOrder)
        let usable = ordered.filter(Self.isUsable)
        let heaviest = usable.first?.weight ?? 1
        let smallest = ChartNumber.snapped(max(minimumFontSize, 1))
        let largest = ChartNumber.snapped(max(maximumFontSize, smallest))
        let fractions = usable.map { min(1, scale($0.weight / heaviest)) }
        let fit = fittingFactor(usable, fractions: fractions, smallest: smallest, largest: largest)
        var nominalSizes: [WordCloudWord: Double] = [:]
        for (word, fraction) in zip(usable, fractions) {
            nominalSizes[word] = ChartNumber.snapped(max(smallest, largest * fraction * fit))
        }
        // A canvas that is not a usable size holds nothing, rather than trapping on a bad count.
        let canvasWidth = width.isFinite ? max(width, 0) : 0
        let canvasHeight = height.isFinite ? max(height, 0) : 0
        let area = ChartRect(x: 0, y: 0, width: canvasWidth, height: canvasHeight).outset(by: -max(padding, 0))
        var state = PlacementState(
            area: area, grid: ChartBoxGrid(width: canvasWidth, height: canvasHeight),
            spiral: ArchimedeanSpiral(area: area))

        var placements: [WordCloudPlacement] = []
        var omitted: [WordCloudWord] = []
        for word in ordered {
            guard let nominal = nominalSizes[word] else {
                omitted.append(word)
                continue
            }
            var size = nominal
            while true {
                if let placement = place(word, fontSize: size, nominalFontSize: nominal, state: &state) {
                    placements.append(placement)
                    state.insert(placement.box)
                    break
                }
                guard size > smallest else {
                    omitted.append(word)
                    break
                }
                size = min(ChartNumber.snapped(max(smallest, size * 0.85)), ChartNumber.snapped(size - 0.1))
            }
        }
        return WordCloud(
            width: width, height: height, placements: Self.centred(placements, in: area), omitted: omitted)
    }

    /// The placements moved together so the cloud's bounding box sits in the middle of `area`: a spiral grows
    /// unevenly, and a small cloud would otherwise lean to one side. Moves are whole tenths, so positions stay
    /// snapped, and one that would cross the edge of `area` is cut back.
    static func centred(_ placements: [WordCloudPlacement], in area: ChartRect) -> [WordCloudPlacement] {
        guard let first = placements.first else { return placements }
        var bounds = (minX: first.box.x, minY: first.box.y, maxX: first.box.maxX, maxY: first.box.maxY)
        for placement in placements {
            bounds.minX = min(bounds.minX, placement.box.x)
            bounds.minY = min(bounds.minY, placement.box.y)
            bounds.maxX = max(bounds.maxX, placement.box.maxX)
            bounds.maxY = max(bounds.maxY, placement.box.maxY)
        }
        func shift(low: Double, high: Double, areaLow: Double, areaHigh: Double) -> Double {
            var shift = ChartNumber.snapped((areaLow + areaHigh) / 2 - (low + high) / 2)
            while shift > 0, high + shift > areaHigh { shift = ChartNumber.snapped(shift - 0.1) }
            while shift < 0, low + shift < areaLow { shift = ChartNumber.snapped(shift + 0.1) }
            return shift
        }
        let dx = shift(low: bounds.minX, high: bounds.maxX, areaLow: area.x, areaHigh: area.maxX)
        let dy = shift(low: bounds.minY, high: bounds.maxY, areaLow: area.y, areaHigh: area.maxY)
        guard dx != 0 || dy != 0 else { return placements }
        return placements.map { placement in
            var moved = placement
            moved.x = ChartNumber.snapped(placement.x + dx)
            moved.baseline = ChartNumber.snapped(placement.baseline + dy)
            moved.box.x = moved.x - placement.box.width / 2
            moved.box.y = moved.baseline - TextWidthEstimator.ascent * placement.fontSize
            return moved
        }
    }

    /// Heaviest first, then by label and group, so equal weights are placed in a fixed order.
    static func drawingOrder(_ a: WordCloudWord, _ b: WordCloudWord) -> Bool {
        let aWeight = a.weight.isNaN ? -Double.infinity : a.weight
        let bWeight = b.weight.isNaN ? -Double.infinity : b.weight
        if aWeight != bWeight { return aWeight > bWeight }
        if a.label != b.label { return a.label < b.label }
        return a.group < b.group
    }

    private static func isUsable(_ word: WordCloudWord) -> Bool {
        word.weight.isFinite && word.weight > 0 && word.label.contains { !$0.isWhitespace }
    }

    /// The font size, as a fraction of the largest, of a weight given as a fraction of the heaviest.
    private func scale(_ fraction: Double) -> Double {
        switch scaling {
        case .area: return fraction.squareRoot()
        case .linear: return fraction
        }
    }

    /// The factor, at most 1, that brings the words' boxes within `maximumCoverage` of the canvas.
    private func fittingFactor(_ words: [WordCloudWord], fractions: [Double], smallest: Double, largest: Double) -> Double {
        let allowed = max(maximumCoverage, 0) * width * height
        let lineHeight = TextWidthEstimator.ascent + TextWidthEstimator.descent
        // Widths at a 1-unit font: a box's area grows with the square of the size.
        let unitAreas = words.map { estimator.width(of: $0.label, fontSize: 1) * lineHeight }
        var factor = 1.0
        // Sizes clamped at the minimum do not shrink with the factor, so a few rounds close in on it.
        for _ in 0..<8 {
            var covered = 0.0
            for (area, fraction) in zip(unitAreas, fractions) {
                let size = max(smallest, largest * fraction * factor)
                covered += area * size * size
            }
            guard covered > allowed, covered > 0 else { break }
            factor *= (allowed / covered).squareRoot()
            if largest * factor <= smallest { break }
        }
        return factor
    }

    /// What placing words has learned so far.
    private struct PlacementState {
        /// Where boxes may go: the canvas less the padding at its edges.
        let area: ChartRect
        var grid: ChartBoxGrid
        let spiral: ArchimedeanSpiral
        /// The spiral's points before this one are all covered; since boxes are only added, no later word needs
        /// to look at them.
        var firstOpenPoint = 0
        /// Sizes of boxes that found no spot; a box at least as wide and as tall cannot find one either, since a
        /// spot for it would hold the smaller box too, and boxes are only ever added.
        var failedSizes: [(width: Double, height: Double)] = []

        mutating func insert(_ box: ChartRect) {
            grid.insert(box)
            let points = spiral.points
            while firstOpenPoint < points.count, grid.covers(x: points[firstOpenPoint].x, y: points[firstOpenPoint].y) {
                firstOpenPoint += 1
            }
        }
    }

    /// The first spot on the spiral where the word fits at `fontSize`, nil when there is none.
    private func place(
        _ word: WordCloudWord, fontSize: Double, nominalFontSize: Double, state: inout PlacementState
    ) -> WordCloudPlacement? {
        let area = state.area
        let boxWidth = estimator.width(of: word.label, fontSize: fontSize)
        let boxHeight = (TextWidthEstimator.ascent + TextWidthEstimator.descent) * fontSize
        guard boxWidth <= area.width, boxHeight <= area.height else { return nil }
        if state.failedSizes.contains(where: { $0.width <= boxWidth && $0.height <= boxHeight }) { return nil }

        let centreX = area.x + area.width / 2
        let centreY = area.y + area.height / 2
        let halfFreeWidth = (area.width - boxWidth) / 2 + 0.1
        let halfFreeHeight = (area.height - boxHeight) / 2 + 0.1
        var lastHit: Int?
        for index in state.firstOpenPoint..<state.spiral.points.count {
            let (pointX, pointY) = state.spiral.points[index]
            // The box is centred on the point (to within the snapping), so a covered point rules the spot out.
            if abs(pointX - centreX) > halfFreeWidth || abs(pointY - centreY) > halfFreeHeight
                || state.grid.covers(x: pointX, y: pointY)
            {
                continue
            }
            let x = ChartNumber.snapped(pointX)
            let top = pointY - boxHeight / 2
            let baseline = ChartNumber.snapped(top + TextWidthEstimator.ascent * fontSize)
            let box = ChartRect(
                x: x - boxWidth / 2, y: baseline - TextWidthEstimator.ascent * fontSize, width: boxWidth,
                height: boxHeight)
            guard area.contains(box) else { continue }
            let grown = box.outset(by: padding)
            if let lastHit, state.grid.boxes[lastHit].intersects(grown) { continue }
            if let hit = state.grid.firstIntersection(with: grown) {
                lastHit = hit
                continue
            }
            return WordCloudPlacement(
                word: word, fontSize: fontSize, nominalFontSize: nominalFontSize, x: x, baseline: baseline, box: box)
        }
        state.failedSizes.append((boxWidth, boxHeight))
        return nil
    }
}
