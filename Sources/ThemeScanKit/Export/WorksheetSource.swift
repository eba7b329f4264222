/// What a worksheet is written from: a name, a header and rows of cells, which the writer asks for a row at a time.
///
/// A sheet made from a large table (`CSVTableSheet`) makes each row's cells when asked, so writing a workbook
/// never holds a second copy of the table as cells.
public protocol WorksheetSource {
    var name: String { get }
    var header: [String] { get }
    var rowCount: Int { get }
    /// The header's cell count or the widest row's, whichever is more.
    var columnCount: Int { get }
    /// The cells of row `index` (0-based, after the header).
    func cells(ofRow index: Int) -> [WorkbookCell]
}
