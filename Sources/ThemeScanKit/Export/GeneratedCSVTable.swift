/// A table whose rows are made from the run's counts only when a writer reads them, and let go after.
///
/// The tables with a row per case or per document grow with a survey export's rows: held as strings, the case codes
/// table of a 55,000-row export took 84 MB, more than the counts it is made from.
public struct GeneratedCSVTable: CSVTableSource {
    public let header: [String]
    public let rowCount: Int
    public let numberColumns: [Bool]
    private let makeRow: @Sendable (Int) -> [String]

    /// A table of `rowCount` rows, row `i` being `makeRow(i)`; `numberColumns` as `CSVTableSource` describes.
    public init(
        header: [String], rowCount: Int, numberColumns: [Bool] = [], makeRow: @escaping @Sendable (Int) -> [String]
    ) {
        self.header = header
        self.rowCount = rowCount
        self.numberColumns = numberColumns
        self.makeRow = makeRow
    }

    public func row(at index: Int) -> [String] { makeRow(index) }

    /// The table with every row made and held.
    public func materialized() -> CSVTable {
        CSVTable(header: header, rows: (0..<rowCount).map(makeRow))
    }
}
