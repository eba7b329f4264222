extension CodebookImporter {
    /// Imports a LIWC dictionary: `%`, the category list (`id<TAB>name`, nested by indentation in some
    /// dictionaries), `%`, then one word per line followed by its category ids.
    ///
    /// Written by hand because no listed package reads LIWC files. Conditional entries such as
    /// `like	(02 134)53` depend on the previous word, which a codebook cannot express: they are reported and
    /// skipped, while the word keeps its plain categories.
    func importLIWC(_ text: String, path: String) throws(CodebookError) -> (codebook: Codebook, warnings: [Diagnostic]) {
        let lines = DictionaryLine.lines(of: text)
        func location(_ line: DictionaryLine, column: Int? = nil) -> SourceLocation {
            SourceLocation(path: path, line: line.number, column: column ?? line.column)
        }
        guard let open = lines.firstIndex(where: { !$0.content.isEmpty }), lines[open].content == "%" else {
            let line = lines.first { !$0.content.isEmpty }
            throw .invalid([
                Diagnostic(
                    .error, at: line.map { location($0) } ?? SourceLocation(path: path),
                    "a LIWC dictionary starts with a line holding only '%', then the category list")
            ])
        }
        guard let close = lines[(open + 1)...].firstIndex(where: { $0.content == "%" }) else {
            throw .invalid([
                Diagnostic(.error, at: location(lines[open]), "the category list opened here is not closed by a line holding only '%'")
            ])
        }

        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var categories: [ImportedCategory] = []
        var indexByID: [String: Int] = [:]
        var enclosing: [(indent: Int, index: Int)] = []
        for line in lines[(open + 1)..<close] where !line.content.isEmpty {
            let fields = Self.headerFields(line.content)
            guard let id = fields.first, fields.count >= 2 else {
                problems.append(Diagnostic(.error, at: location(line), "a category line needs a number and a name, as '1<TAB>funct'"))
                continue
            }
            if indexByID[id] != nil {
                problems.append(Diagnostic(.error, at: location(line), "category number '\(id)' is defined twice"))
                continue
            }
            while let last = enclosing.last, last.indent >= line.indent { enclosing.removeLast() }
            indexByID[id] = categories.count
            enclosing.append((line.indent, categories.count))
            categories.append(
                ImportedCategory(name: fields[1], location: location(line), parent: enclosing.dropLast().last?.index))
        }

        for line in lines[(close + 1)...] where !line.content.isEmpty {
            let (word, entries) = Self.entryFields(line.content)
            guard !entries.isEmpty else {
                warnings.append(Diagnostic(.warning, at: location(line), "word '\(word)' has no category; skipped"))
                continue
            }
            let termLocation = location(line)
            for entry in entries {
                let column = line.column + line.content.unicodeScalars[..<entry.start].count
                let token = String(line.content[entry.start..<entry.end])
                if token.contains(where: { "()/<>".contains($0) }) {
                    warnings.append(
                        Diagnostic(
                            .warning, at: location(line, column: column),
                            "conditional entry '\(token)' for '\(word)' is not supported (a codebook term cannot depend on the word before it); skipped"))
                    continue
                }
                guard let index = indexByID[token] else {
                    warnings.append(
                        Diagnostic(.warning, at: location(line, column: column), "category '\(token)' is not in the category list; skipped for '\(word)'"))
                    continue
                }
                categories[index].terms.append(Term(word, at: termLocation))
            }
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        let assembled = try assemble(categories, path: path)
        return (assembled.codebook, warnings + assembled.warnings)
    }

    /// `id<TAB>name[<TAB>…]`, or `id name words` when the line has no tab.
    private static func headerFields(_ content: Substring) -> [String] {
        if content.contains("\t") {
            return content.split(separator: "\t").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        let parts = content.split(separator: " ", maxSplits: 1).map { String($0).trimmingWhitespace() }
        return parts.filter { !$0.isEmpty }
    }

    /// The word and its category tokens; a parenthesized group belongs to the token it starts.
    ///
    /// A tab ends the word, so multi-word entries (`a lot<TAB>12`) keep their spaces; without a tab the first
    /// space does.
    private static func entryFields(_ content: Substring) -> (word: String, entries: [(start: Substring.Index, end: Substring.Index)]) {
        let separator: Character = content.contains("\t") ? "\t" : " "
        let wordEnd = content.firstIndex(of: separator) ?? content.endIndex
        let word = String(content[..<wordEnd]).trimmingWhitespace()
        var entries: [(start: Substring.Index, end: Substring.Index)] = []
        var index = wordEnd
        while index < content.endIndex {
            guard !content[index].isWhitespace else {
                index = content.index(after: index)
                continue
            }
            let start = index
            var depth = 0
            while index < content.endIndex, depth > 0 || !content[index].isWhitespace {
                if content[index] == "(" { depth += 1 }
                if content[index] == ")" { depth = max(0, depth - 1) }
                index = content.index(after: index)
            }
            entries.append((start, index))
        }
        return (word, entries)
    }
}
