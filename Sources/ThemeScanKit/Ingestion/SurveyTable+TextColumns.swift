extension SurveyTable {
    /// The columns `rule` picks as free text, in table order, leaving out platform metadata, unnamed columns,
    /// Wenjuanxing multi-select questions (a `┋` in any answer: their lines are option labels, however long) and
    /// the columns at `excluded` indices (such as the case column). Only the first `rule.sampleRows` rows are
    /// looked at.
    public func chooseTextColumns(rule: TextColumnRule = TextColumnRule(), excluding excluded: Set<Int> = []) -> [SurveyColumn] {
        let dataRows = self.dataRows.prefix(rule.sampleRows)
        return columns.filter { column in
            guard !column.isPlatformMetadata, !column.header.isEmpty, !excluded.contains(column.index) else { return false }
            if column.holdsCodedAnswers,
                dataRows.contains(where: { column.index < $0.cells.count && $0.cells[column.index].contains("┋") })
            {
                return false
            }
            let answers = dataRows.compactMap { row -> String? in
                let lines = answerLines(in: row, column: column)
                return lines.isEmpty ? nil : lines.joined(separator: "\n")
            }
            return rule.qualifies(answers)
        }
    }

    /// The text columns for a run: those `options.textColumns` names, or the automatic choice reported as a note
    /// (a warning when nothing qualifies).
    func textColumns(
        options: IngestionOptions, caseColumn: SurveyColumn?, rule: TextColumnRule
    ) throws(IngestionError) -> (columns: [SurveyColumn], diagnostics: [Diagnostic]) {
        if !options.textColumns.isEmpty {
            var chosen: [SurveyColumn] = []
            for reference in options.textColumns {
                let column = try resolve(reference, role: "text column")
                if !chosen.contains(column) { chosen.append(column) }
            }
            return (chosen, [])
        }
        let chosen = chooseTextColumns(rule: rule, excluding: Set(caseColumn.map { [$0.index] } ?? []))
        let judged = dataRows.count > rule.sampleRows ? " in the first \(rule.sampleRows) rows" : ""
        guard !chosen.isEmpty else {
            let named = columns.filter { !$0.header.isEmpty }.map { $0.described() }.joined(separator: ", ")
            return ([], [
                Diagnostic(
                    .warning, at: headerLocation,
                    "no column looks like free text\(judged) (answers with a median of at least \(rule.minimumMedianWidth) "
                        + "characters, a Chinese character counting two, mostly not numbers or dates); name the "
                        + "text columns by header, number or letter; the columns are: \(named); no documents")
            ])
        }
        let list = chosen.map { $0.described() }.joined(separator: ", ")
        return (chosen, [
            Diagnostic(
                .note, at: headerLocation,
                "text columns: \(list) (chosen as long free-text answers\(judged); name others by header, number or letter)")
        ])
    }
}
