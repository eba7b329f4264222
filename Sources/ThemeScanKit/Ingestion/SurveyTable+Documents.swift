extension SurveyTable {
    /// One document per respondent row: its non-empty answers in the text columns, one segment each, joined
    /// with line breaks; every other named column as metadata (`SurveyDocumentBuilder`).
    ///
    /// The document id is `source.id#row-N` with N the row's spreadsheet number. The case is the case column's
    /// value when there is one, else the manifest's case, else the document itself. Throws when a named column
    /// does not exist.
    public func documents(
        from source: DocumentSource, format: DocumentFormat, encoding: String, options: IngestionOptions,
        rule: TextColumnRule = TextColumnRule()
    ) throws(IngestionError) -> ReadResult {
        var builder = try SurveyDocumentBuilder(
            table: self, source: source, format: format, encoding: encoding, options: options, rule: rule)
        let documents = builder.makesNothing ? [] : dataRows.compactMap { builder.document(for: $0) }
        return ReadResult(documents: documents, warnings: builder.warnings)
    }
}
