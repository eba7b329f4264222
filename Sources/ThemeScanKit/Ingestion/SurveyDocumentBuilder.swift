/// Turns a survey table's respondent rows into documents one row at a time, so that an export's rows can stream
/// past without being held.
///
/// The columns are settled when it is made: the case column, the text columns (named, or chosen from the rows the
/// table holds, its first ones), and every other named column as metadata. Each row then becomes a document, or is
/// counted as skipped when it has no answer; `warnings` adds those about ragged and skipped rows.
struct SurveyDocumentBuilder {
    /// How many ragged rows are named one by one before the rest are only counted.
    static let reportedRaggedRows = 10
    /// How many skipped rows the warning about rows without text names.
    static let reportedSkippedRows = 5

    /// The table's header and columns; its rows are not kept.
    private let table: SurveyTable
    private let source: DocumentSource
    private let format: DocumentFormat
    private let encoding: String
    private let caseColumn: SurveyColumn?
    private let textColumns: [SurveyColumn]
    /// The names of every row's metadata: the manifest's, then the table's other columns.
    private let metadataNames: DocumentMetadata.Names
    /// Where each of `metadataNames` takes its value from, in the names' order: the manifest's value, or a column.
    private let metadataValues: [MetadataValue]
    private var choiceDiagnostics: [Diagnostic]
    private var raggedRows: [SpreadsheetRow] = []
    private var raggedCount = 0
    /// The first ragged row past those named, where the warning that counts the rest points.
    private var firstUnnamedRaggedRow: SpreadsheetRow?
    private var skippedNumbers: [Int] = []
    private var skippedCount = 0
    private var firstSkippedLine: Int?

    /// Settles the columns of `table`; throws when a named column does not exist. A table without rows, or
    /// without a column of free text, makes no documents and says so in `warnings`.
    init(
        table: SurveyTable, source: DocumentSource, format: DocumentFormat, encoding: String, options: IngestionOptions,
        rule: TextColumnRule
    ) throws(IngestionError) {
        caseColumn = try options.caseColumn.map { reference throws(IngestionError) in
            try table.resolve(reference, role: "case column")
        }
        if table.dataRows.isEmpty {
            // Named columns must still exist; there is nothing to choose columns from.
            for reference in options.textColumns { _ = try table.resolve(reference, role: "text column") }
            textColumns = []
            choiceDiagnostics = [
                Diagnostic(.warning, at: table.headerLocation, "the table has a header but no rows of answers; no documents")
            ]
        } else {
            (textColumns, choiceDiagnostics) = try table.textColumns(options: options, caseColumn: caseColumn, rule: rule)
        }
        let textIndices = Set(textColumns.map(\.index))
        var keys = UniqueKeys(reserving: source.metadata.keys)
        // The manifest's own values keep their names; a column repeating one is kept under `name_2`.
        var sources = source.metadata.mapValues { MetadataValue.manifest($0) }
        for column in table.columns where !textIndices.contains(column.index) && !column.header.isEmpty {
            sources[keys.claim(column.header)] = .column(column)
        }
        metadataNames = DocumentMetadata.Names(sources.keys)
        metadataValues = metadataNames.sorted.map { sources[$0]! }
        var header = table
        header.dataRows = []
        self.table = header
        self.source = source
        self.format = format
        self.encoding = encoding
    }

    /// Whether no row can make a document: the table has no rows, or no column holds free text.
    var makesNothing: Bool { textColumns.isEmpty }

    /// The document of `row`: its non-empty answers in the text columns, one segment each, joined with line
    /// breaks; nil, and counted as skipped, when it has none.
    ///
    /// The document id is `source.id#row-N` with N the row's spreadsheet number. The case is the case column's
    /// value when there is one, else the manifest's case, else the document itself.
    mutating func document(for row: SpreadsheetRow) -> Document? {
        guard !textColumns.isEmpty else { return nil }
        let columnCount = table.columns.count
        if row.cells.count > columnCount, row.cells[columnCount...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
            raggedCount += 1
            if raggedRows.count < Self.reportedRaggedRows {
                raggedRows.append(row)
            } else if firstUnnamedRaggedRow == nil {
                firstUnnamedRaggedRow = row
            }
        }
        var text = ""
        var length = 0  // of `text`, in scalars
        var segments: [Segment] = []
        for column in textColumns {
            let lines = table.answerLines(in: row, column: column)
            guard !lines.isEmpty else { continue }
            if !segments.isEmpty {
                text += "\n"
                length += 1
            }
            // Spreadsheet cells keep whatever line ends they were typed with.
            let answer = lines.joined(separator: "\n").replacingLineEnds()
            segments.append(Segment(speaker: column.header, role: .respondent, text: answer, start: length))
            text += answer
            length += answer.unicodeScalars.count
        }
        guard !segments.isEmpty else {
            skippedCount += 1
            if skippedNumbers.count < Self.reportedSkippedRows { skippedNumbers.append(row.number) }
            if skippedCount == 1 { firstSkippedLine = row.line }
            return nil
        }
        let metadata = DocumentMetadata(
            names: metadataNames,
            values: metadataValues.map { value in
                switch value {
                case .manifest(let text): text
                case .column(let column): table.metadataValue(in: row, column: column)
                }
            })
        let id = "\(source.id)#row-\(row.number)"
        let rowCase = caseColumn.map { table.metadataValue(in: row, column: $0) } ?? ""
        return Document(
            id: id, caseID: rowCase.isEmpty ? (source.caseID ?? id) : rowCase, source: source.path,
            format: format, encoding: encoding, metadata: metadata, text: text, segments: segments)
    }

    /// Where a metadata value comes from.
    enum MetadataValue {
        /// The manifest's value for the file.
        case manifest(String)
        case column(SurveyColumn)
    }

    /// The warnings about the table: how its columns were chosen, its ragged rows, and its rows without text.
    var warnings: [Diagnostic] {
        var warnings = choiceDiagnostics
        warnings += raggedWarnings
        if skippedCount > 0 {
            let named = skippedNumbers.map(String.init).joined(separator: ", ")
            let more = skippedCount > Self.reportedSkippedRows ? " and \(skippedCount - Self.reportedSkippedRows) more" : ""
            let columnsNamed = textColumns.map(\.letter).joined(separator: ", ")
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: table.path, line: firstSkippedLine),
                    (skippedCount == 1 ? "1 row has" : "\(skippedCount) rows have")
                        + " no answer in the text column\(textColumns.count == 1 ? "" : "s") \(columnsNamed) "
                        + "(row\(skippedCount == 1 ? "" : "s") \(named)\(more)); skipped"))
        }
        return warnings
    }

    /// One warning per row with more non-empty cells than the header has columns, up to a limit, then a count.
    private var raggedWarnings: [Diagnostic] {
        let columnCount = table.columns.count
        var warnings = raggedRows.map { row in
            Diagnostic(
                .warning, at: SourceLocation(path: table.path, line: row.line),
                "row \(row.number) has \(row.cells.count) cells but the header has \(columnCount) columns; "
                    + "the cells after column \(SurveyColumn.letter(forIndex: columnCount - 1)) are ignored")
        }
        if let firstUnnamedRaggedRow {
            let rest = raggedCount - Self.reportedRaggedRows
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: table.path, line: firstUnnamedRaggedRow.line),
                    "\(rest) more rows have more cells than the header has columns; the extra cells are ignored"))
        }
        return warnings
    }
}
