/// One cell of a workbook sheet: nothing, text, or a number Excel can sum and sort as a number.
public enum WorkbookCell: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double)
}
