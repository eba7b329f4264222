extension CodebookWriter {
    /// The codebook as CSV: one row per term, then one per exclusion, with every label language as a column and
    /// the codebook's name in a `codebook` column; descriptions get columns when there are any.
    public func csv(_ codebook: Codebook) -> (text: String, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let themeLanguages = Set(codebook.themes.flatMap { $0.label.texts.keys }).sorted()
        let codeLanguages = Set(codebook.themes.flatMap { $0.codes.flatMap { $0.label.texts.keys } }).sorted()
        func column(_ prefix: String, _ language: String) -> String {
            language == "default" ? prefix : "\(prefix)_\(language)"
        }
        let codes = codebook.codes.map(\.code)
        let describesCodebook = codebook.descriptionText != nil
        let describesThemes = codebook.themes.contains { $0.descriptionText != nil }
        let describesCodes = codes.contains { $0.descriptionText != nil }
        var header = ["codebook"] + (describesCodebook ? ["codebook_description"] : [])
        header += ["theme"] + themeLanguages.map { column("theme_label", $0) } + (describesThemes ? ["theme_description"] : [])
        header += ["code"] + codeLanguages.map { column("code_label", $0) } + (describesCodes ? ["code_description"] : [])
        header += ["term", "type"]
        var table = CSVTable(header: header)
        let codebookColumns = [codebook.name] + (describesCodebook ? [codebook.descriptionText ?? ""] : [])
        for theme in codebook.themes {
            if theme.codes.isEmpty {
                warnings.append(
                    Diagnostic(.warning, at: theme.location, "theme '\(theme.id)' has no codes; a CSV codebook cannot hold it"))
            }
            var themeColumns = codebookColumns + [theme.id] + themeLanguages.map { theme.label.texts[$0] ?? "" }
            if describesThemes { themeColumns.append(theme.descriptionText ?? "") }
            for code in theme.codes {
                var codeColumns = [code.id] + codeLanguages.map { code.label.texts[$0] ?? "" }
                if describesCodes { codeColumns.append(code.descriptionText ?? "") }
                for term in code.terms {
                    table.rows.append(themeColumns + codeColumns + [term.text, "term"])
                }
                for phrase in code.exclusions {
                    table.rows.append(themeColumns + codeColumns + [phrase.text, "exclude"])
                }
            }
        }
        return (table.rendered(), warnings)
    }
}
