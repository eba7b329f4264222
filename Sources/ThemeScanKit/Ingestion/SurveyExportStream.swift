/// The documents of a survey export made from its rows a batch at a time: a CSV or TSV export's as its rows are
/// read, a workbook sheet's as it inflates or from its rows read whole.
///
/// The header and the first rows (enough for `TextColumnRule.sampleRows`) are read before the first document is
/// made, so that the text columns are chosen as `SurveyTable` chooses them; from then on each block's rows become
/// documents and are let go. Gives the documents and warnings reading the same file whole would give.
struct SurveyExportStream {
    private var file: any SurveyRowSource
    private let source: DocumentSource
    private let format: DocumentFormat
    private let options: IngestionOptions
    private let rule: TextColumnRule
    private var builder: SurveyDocumentBuilder?
    /// Rows read and not yet made into documents, from `nextRow` on.
    private var rows: [SpreadsheetRow] = []
    private var nextRow = 0
    private var finished = false
    /// A failure met while a batch was being filled, thrown by the next call so the batch is not lost.
    private var failure: IngestionError?

    init(file: any SurveyRowSource, source: DocumentSource, format: DocumentFormat, options: IngestionOptions, rule: TextColumnRule) {
        self.file = file
        self.source = source
        self.format = format
        self.options = options
        self.rule = rule
    }

    /// The warnings so far: the delimiter's, the column choice's, and, once every batch has been taken, those
    /// about ragged rows and rows without text.
    var warnings: [Diagnostic] {
        file.warnings + (builder?.warnings ?? [])
    }

    /// The next documents, at most `limit` of them, or nil when the export is done. Throws what the whole-file
    /// reader would throw for the table (no header, a column named that does not exist), or when the file cannot
    /// be read.
    mutating func next(limit: Int) throws(IngestionError) -> [Document]? {
        if let failure {
            self.failure = nil
            finished = true
            throw failure
        }
        if builder == nil { try start() }
        guard var builder, !builder.makesNothing else { return nil }
        defer { self.builder = builder }
        var documents: [Document] = []
        while documents.count < limit {
            if nextRow == rows.count {
                rows = []
                nextRow = 0
                let more: [SpreadsheetRow]?
                do {
                    more = finished ? nil : try file.nextRows()
                } catch {
                    guard !documents.isEmpty else { throw error }
                    failure = error
                    break
                }
                guard let more else {
                    finished = true
                    break
                }
                rows = more
                continue
            }
            let row = rows[nextRow]
            nextRow += 1
            if let document = builder.document(for: row) { documents.append(document) }
        }
        return documents.isEmpty ? nil : documents
    }

    /// Reads the header and the rows the column choice looks at, and settles the columns.
    private mutating func start() throws(IngestionError) {
        // Three header rows at most (Qualtrics), and one row past the sample tells whether there are more.
        let wanted = rule.sampleRows + 4
        while rows.count < wanted, let more = try file.nextRows() {
            rows += more
        }
        if rows.count < wanted { finished = true }
        let table = try SurveyTable(rows: rows, path: source.path)
        builder = try SurveyDocumentBuilder(
            table: table, source: source, format: format, encoding: file.encoding, options: options, rule: rule)
        nextRow = table.layout.headerRowCount
    }
}
