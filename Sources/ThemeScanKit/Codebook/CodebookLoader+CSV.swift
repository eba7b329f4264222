extension CodebookLoader {
    func loadCSV(_ text: String, path: String) throws(CodebookError) -> (codebook: Codebook, warnings: [Diagnostic]) {
        let records: [CSVRecord]
        do {
            records = try CSVParser().records(in: text)
        } catch {
            let line: Int
            switch error { case .unclosedQuote(let opened): line = opened }
            throw .invalid([Diagnostic(.error, at: SourceLocation(path: path, line: line), "\(error)")])
        }
        guard let header = records.first else {
            throw .invalid([Diagnostic(.error, at: SourceLocation(path: path), "codebook is empty")])
        }
        var columns: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            columns[name.trimmingWhitespace().lowercased()] = index
        }
        let missing = ["theme", "code", "term"].filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw .invalid([
                Diagnostic(
                    .error, at: SourceLocation(path: path, line: header.line),
                    "missing required column(s) \(missing.joined(separator: ", ")); the header needs theme,code,term")
            ])
        }
        var warnings: [Diagnostic] = []
        let known: Set<String> = [
            "codebook", "codebook_description", "theme_description", "code_description", "theme", "code", "term", "type", "theme_label", "code_label"]
        for name in columns.keys.sorted()
        where !known.contains(name) && !name.hasPrefix("theme_label_") && !name.hasPrefix("code_label_") {
            warnings.append(Diagnostic(.warning, at: SourceLocation(path: path, line: header.line), "unknown column '\(name)' ignored"))
        }

        var problems: [Diagnostic] = []
        var themes: [Theme] = []
        var themeIndex: [String: Int] = [:]
        var codePlace: [String: (theme: Int, code: Int)] = [:]
        var name = ""
        var codebookDescription = ""
        for record in records.dropFirst() {
            func value(_ column: String) -> String {
                guard let index = columns[column], index < record.fields.count else { return "" }
                return record.fields[index].trimmingWhitespace()
            }
            let location = SourceLocation(path: path, line: record.line)
            if name.isEmpty { name = value("codebook") }
            if codebookDescription.isEmpty { codebookDescription = value("codebook_description") }
            let themeID = value("theme")
            let codeID = value("code")
            let termText = value("term")
            let type = value("type").lowercased()
            guard !themeID.isEmpty, !codeID.isEmpty else {
                problems.append(Diagnostic(.error, at: location, "row without theme or code id"))
                continue
            }
            guard ["", "term", "exclude"].contains(type) else {
                problems.append(Diagnostic(.error, at: location, "unknown type '\(type)' (expected term or exclude)"))
                continue
            }
            guard !termText.isEmpty else {
                problems.append(Diagnostic(.error, at: location, "empty term"))
                continue
            }
            if themeIndex[themeID] == nil {
                themeIndex[themeID] = themes.count
                themes.append(Theme(id: themeID, label: label(record, header, columns, prefix: "theme_label"), codes: [], at: location))
            }
            let themePosition = themeIndex[themeID]!
            if themes[themePosition].descriptionText == nil, !value("theme_description").isEmpty {
                themes[themePosition].descriptionText = value("theme_description")
            }
            if let place = codePlace[codeID], place.theme != themePosition {
                problems.append(
                    Diagnostic(.error, at: location, "duplicate code id '\(codeID)' (already under theme '\(themes[place.theme].id)')"))
                continue
            }
            if codePlace[codeID] == nil {
                codePlace[codeID] = (themePosition, themes[themePosition].codes.count)
                themes[themePosition].codes.append(
                    Code(id: codeID, label: label(record, header, columns, prefix: "code_label"), terms: [], at: location))
            }
            let place = codePlace[codeID]!
            if themes[place.theme].codes[place.code].descriptionText == nil, !value("code_description").isEmpty {
                themes[place.theme].codes[place.code].descriptionText = value("code_description")
            }
            let term = Term(termText, at: location)
            if type == "exclude" {
                themes[place.theme].codes[place.code].exclusions.append(term)
            } else {
                themes[place.theme].codes[place.code].terms.append(term)
            }
        }
        let codebook = Codebook(
            name: name.isEmpty ? Self.fileStem(path) : name, themes: themes, sources: [path],
            descriptionText: codebookDescription.isEmpty ? nil : codebookDescription)
        problems += validate(codebook)
        guard problems.isEmpty else { throw .invalid(problems) }
        return (codebook, warnings)
    }

    /// A label from `prefix` (any language) and `prefix_xx` columns (language xx, spelled as in the header, so
    /// `code_label_zh-Hant` keeps its capital).
    private func label(_ record: CSVRecord, _ header: CSVRecord, _ columns: [String: Int], prefix: String) -> Label {
        var texts: [String: String] = [:]
        for (name, index) in columns where index < record.fields.count {
            let text = record.fields[index].trimmingWhitespace()
            guard !text.isEmpty else { continue }
            if name == prefix {
                texts["default"] = text
            } else if name.hasPrefix(prefix + "_") {
                texts[String(header.fields[index].trimmingWhitespace().dropFirst(prefix.count + 1))] = text
            }
        }
        return Label(texts)
    }

    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
