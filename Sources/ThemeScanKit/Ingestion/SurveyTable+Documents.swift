extension SurveyTable {
    /// How many ragged rows are named one by one before the rest are only counted.
    static let reportedRaggedRows = 10
    /// How many skipped rows the warning about rows without text names.
    static let reportedSkippedRows = 5

    /// One document per respondent row: its non-empty answers in the text columns, one segment each, joined
    /// with line breaks; every other named column as metadata.
    ///
    /// The document id is `source.id#row-N` with N the row's spreadsheet number. The case is the case column's
    /// value when there is one, else the manifest's case, else the document itself. Throws when a named column
    /// does not exist.
    public func documents(
        from source: DocumentSource, format: DocumentFormat, encoding: String, options: IngestionOptions,
        rule: TextColumnRule = TextColumnRule()
    ) throws(IngestionError) -> ReadResult {
        let caseColumn = try options.caseColumn.map { reference throws(IngestionError) in
            try resolve(reference, role: "case column")
        }
        guard !dataRows.isEmpty else {
            // Named columns must still exist; there is nothing to choose columns from.
            for reference in options.textColumns { _ = try resolve(reference, role: "text column") }
            return ReadResult(
                documents: [],
                warnings: [Diagnostic(.warning, at: headerLocation, "the table has a header but no rows of answers; no documents")])
        }
        let (textColumns, choiceDiagnostics) = try self.textColumns(options: options, caseColumn: caseColumn, rule: rule)
        var warnings = choiceDiagnostics
        guard !textColumns.isEmpty else { return ReadResult(documents: [], warnings: warnings) }

        let textIndices = Set(textColumns.map(\.index))
        var keys = UniqueKeys(reserving: source.metadata.keys)
        // The manifest's own values keep their names; a column repeating one is kept under `name_2`.
        let metadataColumns = columns.filter { !textIndices.contains($0.index) && !$0.header.isEmpty }
            .map { (key: keys.claim($0.header), column: $0) }

        var documents: [Document] = []
        var skippedRows: [SpreadsheetRow] = []
        var raggedRows: [SpreadsheetRow] = []
        for row in dataRows {
            if row.cells.count > columns.count, row.cells[columns.count...].contains(where: { !$0.trimmingWhitespace().isEmpty }) {
                raggedRows.append(row)
            }
            let id = "\(source.id)#row-\(row.number)"
            var text = ""
            var length = 0  // of `text`, in scalars
            var segments: [Segment] = []
            for column in textColumns {
                let lines = answerLines(in: row, column: column)
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
                skippedRows.append(row)
                continue
            }
            var metadata = source.metadata
            for (key, column) in metadataColumns {
                metadata[key] = metadataValue(in: row, column: column)
            }
            let rowCase = caseColumn.map { metadataValue(in: row, column: $0) } ?? ""
            documents.append(
                Document(
                    id: id, caseID: rowCase.isEmpty ? (source.caseID ?? id) : rowCase, source: source.path,
                    format: format, encoding: encoding, metadata: metadata, text: text, segments: segments))
        }
        warnings += raggedWarnings(raggedRows)
        if !skippedRows.isEmpty {
            let count = skippedRows.count
            let named = skippedRows.prefix(Self.reportedSkippedRows).map { String($0.number) }.joined(separator: ", ")
            let more = count > Self.reportedSkippedRows ? " and \(count - Self.reportedSkippedRows) more" : ""
            let columnsNamed = textColumns.map(\.letter).joined(separator: ", ")
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: path, line: skippedRows[0].line),
                    (count == 1 ? "1 row has" : "\(count) rows have")
                        + " no answer in the text column\(textColumns.count == 1 ? "" : "s") \(columnsNamed) "
                        + "(row\(count == 1 ? "" : "s") \(named)\(more)); skipped"))
        }
        return ReadResult(documents: documents, warnings: warnings)
    }

    /// One warning per row with more non-empty cells than the header has columns, up to a limit, then a count.
    private func raggedWarnings(_ rows: [SpreadsheetRow]) -> [Diagnostic] {
        var warnings = rows.prefix(Self.reportedRaggedRows).map { row in
            Diagnostic(
                .warning, at: SourceLocation(path: path, line: row.line),
                "row \(row.number) has \(row.cells.count) cells but the header has \(columns.count) columns; "
                    + "the cells after column \(SurveyColumn.letter(forIndex: columns.count - 1)) are ignored")
        }
        if rows.count > Self.reportedRaggedRows {
            let rest = rows[Self.reportedRaggedRows...]
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: path, line: rest.first!.line),
                    "\(rest.count) more rows have more cells than the header has columns; the extra cells are ignored"))
        }
        return warnings
    }
}
