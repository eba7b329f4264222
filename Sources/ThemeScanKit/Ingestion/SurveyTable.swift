/// A survey export read as a table: its layout, its named columns and its respondent rows.
///
/// Built from `SpreadsheetRow`s, whether they came from a CSV/TSV file or from an XLSX/.xls grid, so every table
/// format shares the header, column and answer rules.
public struct SurveyTable: Sendable {
    /// The file the rows came from, for diagnostics.
    public var path: String
    public var layout: SurveyLayout
    public var columns: [SurveyColumn]
    /// The row that names the columns (for Qualtrics, the question text row).
    public var headerRow: SpreadsheetRow
    /// The respondent rows, in file order.
    public var dataRows: [SpreadsheetRow]

    /// Reads the layout and header of `rows`; throws when there is no header: no rows at all, or a first row
    /// with nothing in it.
    public init(rows: [SpreadsheetRow], path: String) throws(IngestionError) {
        guard let first = rows.first else {
            throw .malformed(
                at: SourceLocation(path: path, line: 1),
                reason: "no header row: the table is empty; put the column names in the first row")
        }
        guard first.cells.contains(where: { !$0.trimmingWhitespace().isEmpty }) else {
            throw .malformed(
                at: SourceLocation(path: path, line: first.line),
                reason: "no header row: row \(first.number) is empty; put the column names in the first row")
        }
        let layout = SurveyLayout.detect(rows)
        self.path = path
        self.layout = layout
        self.headerRow = layout == .qualtrics ? rows[1] : first
        self.dataRows = Array(rows.dropFirst(layout.headerRowCount))
        self.columns = Self.columns(of: Array(rows.prefix(layout.headerRowCount)), layout: layout)
    }

    /// The location of the header, where column problems are reported.
    public var headerLocation: SourceLocation {
        SourceLocation(path: path, line: headerRow.line)
    }

    private static func columns(of headerRows: [SpreadsheetRow], layout: SurveyLayout) -> [SurveyColumn] {
        let width = headerRows.map(\.cells.count).max() ?? 0
        func cell(_ row: Int, _ index: Int) -> String {
            let cells = headerRows[row].cells
            return index < cells.count ? cells[index].trimmingWhitespace() : ""
        }
        var keys = UniqueKeys()  // empty headers stay empty: they name nothing and are skipped in metadata
        return (0..<width).map { index in
            switch layout {
            case .plain:
                let header = cell(0, index)
                return SurveyColumn(
                    index: index, header: header, key: keys.claim(header),
                    isPlatformMetadata: SurveyLayout.metadataHeaders.contains(header.lowercased()))
            case .qualtrics:
                let name = cell(0, index)
                let question = cell(1, index)
                let header = question.isEmpty ? name : question
                let importID = SurveyLayout.importID(in: cell(2, index))
                return SurveyColumn(
                    index: index, header: header, key: keys.claim(header), alias: name.isEmpty ? nil : name,
                    isPlatformMetadata: !(importID?.hasPrefix("QID") ?? false))
            case .wenjuanxing:
                let header = cell(0, index)
                let isQuestion = SurveyLayout.isWenjuanxingQuestion(header)
                return SurveyColumn(
                    index: index, header: header, key: keys.claim(header), isPlatformMetadata: !isQuestion,
                    holdsCodedAnswers: isQuestion)
            }
        }
    }

    /// The column `reference` names: a header (or its unique key such as `Q_2`, or a Qualtrics short name),
    /// else a 1-based column number, else a column letter. Headers are tried first, exactly and then ignoring
    /// case, so a column headed `2024` is found by its header, not as column 2024.
    public func column(_ reference: String) -> SurveyColumn? {
        let wanted = reference.trimmingWhitespace()
        guard !wanted.isEmpty else { return nil }
        if let column = columns.first(where: { $0.key == wanted || $0.header == wanted || $0.alias == wanted }) {
            return column
        }
        let folded = wanted.lowercased()
        let caseless = columns.filter { $0.key.lowercased() == folded || $0.alias?.lowercased() == folded }
        if caseless.count == 1 { return caseless[0] }
        if let number = Int(wanted), number >= 1, number <= columns.count { return columns[number - 1] }
        if let index = SurveyColumn.index(forLetter: wanted), index < columns.count { return columns[index] }
        return nil
    }

    /// The column `reference` names, or an error listing the columns there are; `role` names the option in the
    /// message ("text column", "case column").
    func resolve(_ reference: String, role: String) throws(IngestionError) -> SurveyColumn {
        if let column = column(reference) { return column }
        let available = columns.filter { !$0.header.isEmpty }.map { $0.described() }.joined(separator: ", ")
        throw .malformed(
            at: headerLocation,
            reason: "\(role) \"\(reference)\" is neither a header, a column number 1–\(columns.count) nor a "
                + "letter A–\(SurveyColumn.letter(forIndex: max(columns.count - 1, 0))); the columns are: \(available)")
    }

    /// The answer lines in `column` of `row`, trimmed, empty ones dropped; the layout's conventions applied.
    public func answerLines(in row: SpreadsheetRow, column: SurveyColumn) -> [String] {
        let raw = column.index < row.cells.count ? row.cells[column.index] : ""
        if column.holdsCodedAnswers { return WenjuanxingAnswer.lines(raw) }
        let answer = raw.trimmingWhitespace()
        return answer.isEmpty ? [] : [answer]
    }

    /// The value of `column` in `row` as metadata: the cell trimmed, a skipped-answer mark as empty.
    public func metadataValue(in row: SpreadsheetRow, column: SurveyColumn) -> String {
        let value = column.index < row.cells.count ? row.cells[column.index].trimmingWhitespace() : ""
        if column.holdsCodedAnswers, WenjuanxingAnswer.skippedMarks.contains(value) { return "" }
        return value
    }
}
