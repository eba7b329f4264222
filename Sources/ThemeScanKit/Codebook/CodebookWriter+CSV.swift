extension CodebookWriter {
    /// The codebook as CSV: one row per term, then one per exclusion, with every label language as a column and
    /// the codebook's name in a `codebook` column.
    public func csv(_ codebook: Codebook) -> (text: String, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        let themeLanguages = Set(codebook.themes.flatMap { $0.label.texts.keys }).sorted()
        let codeLanguages = Set(codebook.themes.flatMap { $0.codes.flatMap { $0.label.texts.keys } }).sorted()
        func column(_ prefix: String, _ language: String) -> String {
            language == "default" ? prefix : "\(prefix)_\(language)"
        }
        var header = ["codebook", "theme"] + themeLanguages.map { column("theme_label", $0) }
        header += ["code"] + codeLanguages.map { column("code_label", $0) } + ["term", "type"]
        var table = CSVTable(header: header)
        for theme in codebook.themes {
            if theme.codes.isEmpty {
                warnings.append(
                    Diagnostic(.warning, at: theme.location, "theme '\(theme.id)' has no codes; a CSV codebook cannot hold it"))
            }
            let themeColumns = [codebook.name, theme.id] + themeLanguages.map { theme.label.texts[$0] ?? "" }
            for code in theme.codes {
                let codeColumns = [code.id] + codeLanguages.map { code.label.texts[$0] ?? "" }
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
