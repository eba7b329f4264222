/// The boxes placed so far in a chart, bucketed by a square grid so a collision check looks only at boxes near
/// the one tested.
///
/// A finer mask also records which small squares lie wholly inside some box: a point in such a square is covered,
/// which rejects most spots a crowded spiral passes over with one array read.
struct ChartBoxGrid {
    private let cellSize: Double
    private let columns: Int
    private let rows: Int
    private var cells: [[Int]]
    private(set) var boxes: [ChartRect] = []

    private static let maskCellSize = 4.0
    private let maskColumns: Int
    private let maskRows: Int
    private var mask: [Bool]

    /// A grid over `width` × `height` (anything outside is filed in the border cells).
    init(width: Double, height: Double, cellSize: Double = 32) {
        self.cellSize = cellSize
        columns = max(1, Int((width / cellSize).rounded(.up)))
        rows = max(1, Int((height / cellSize).rounded(.up)))
        cells = Array(repeating: [], count: columns * rows)
        maskColumns = max(1, Int((width / Self.maskCellSize).rounded(.up)))
        maskRows = max(1, Int((height / Self.maskCellSize).rounded(.up)))
        mask = Array(repeating: false, count: maskColumns * maskRows)
    }

    mutating func insert(_ box: ChartRect) {
        let index = boxes.count
        boxes.append(box)
        forEachCell(of: box) { cells[$0].append(index) }
        let size = Self.maskCellSize
        let firstColumn = max(0, Int((box.x / size).rounded(.up)))
        let endColumn = min(maskColumns, Int((box.maxX / size).rounded(.down)))
        let firstRow = max(0, Int((box.y / size).rounded(.up)))
        let endRow = min(maskRows, Int((box.maxY / size).rounded(.down)))
        guard firstColumn < endColumn, firstRow < endRow else { return }
        for row in firstRow..<endRow {
            for column in firstColumn..<endColumn {
                mask[row * maskColumns + column] = true
            }
        }
    }

    /// Whether the point lies in a square wholly inside a stored box, so that any box around the point meets it.
    func covers(x: Double, y: Double) -> Bool {
        guard x >= 0, y >= 0 else { return false }
        let column = Int(x / Self.maskCellSize)
        let row = Int(y / Self.maskCellSize)
        guard column < maskColumns, row < maskRows else { return false }
        return mask[row * maskColumns + column]
    }

    /// The index of a stored box that `box` intersects, nil when it intersects none.
    func firstIntersection(with box: ChartRect) -> Int? {
        var found: Int?
        forEachCell(of: box) { cell in
            guard found == nil else { return }
            found = cells[cell].first { boxes[$0].intersects(box) }
        }
        return found
    }

    private func forEachCell(of box: ChartRect, _ body: (Int) -> Void) {
        let firstColumn = clamp(Int((box.x / cellSize).rounded(.down)), columns)
        let lastColumn = clamp(Int((box.maxX / cellSize).rounded(.down)), columns)
        let firstRow = clamp(Int((box.y / cellSize).rounded(.down)), rows)
        let lastRow = clamp(Int((box.maxY / cellSize).rounded(.down)), rows)
        for row in firstRow...lastRow {
            for column in firstColumn...lastColumn {
                body(row * columns + column)
            }
        }
    }

    private func clamp(_ value: Int, _ count: Int) -> Int {
        min(max(value, 0), count - 1)
    }
}
