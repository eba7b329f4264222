import Foundation

extension CodebookImporter {
    /// Imports a WordStat categorization dictionary: indented category names (by convention in capitals) and
    /// indented leaves `WORD (1)`, multi-word leaves joined with `_`.
    ///
    /// Written by hand because no listed package reads `.cat` files. Leaves become lower-case terms (matching
    /// ignores case anyway); weights other than 1 and WordStat rules (`@…`, `NEAR`, `BEFORE`, `AFTER`) have no
    /// equivalent in a codebook and are reported and skipped.
    func importWordStat(_ text: String, path: String) throws(CodebookError) -> (codebook: Codebook, warnings: [Diagnostic]) {
        var categories: [ImportedCategory] = []
        var enclosing: [(indent: Int, index: Int)] = []
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for line in DictionaryLine.lines(of: text) where !line.content.isEmpty {
            let location = SourceLocation(path: path, line: line.number, column: line.column)
            while let last = enclosing.last, last.indent >= line.indent { enclosing.removeLast() }
            guard let (word, weight) = Self.leaf(line.content) else {
                if line.content.hasSuffix(")") {
                    problems.append(Diagnostic(.error, at: location, "a word needs a whole-number weight, as 'WORD (1)'"))
                    continue
                }
                enclosing.append((line.indent, categories.count))
                categories.append(
                    ImportedCategory(name: String(line.content), location: location, parent: enclosing.dropLast().last?.index))
                continue
            }
            guard let category = enclosing.last?.index else {
                problems.append(Diagnostic(.error, at: location, "word '\(word)' is outside any category (indent it under one)"))
                continue
            }
            let tokens = word.split(separator: " ")
            if word.hasPrefix("@") || word.contains("#") || word.contains("[")
                || tokens.contains(where: { ["NEAR", "BEFORE", "AFTER", "NOT", "AND", "OR"].contains($0) })
            {
                warnings.append(Diagnostic(.warning, at: location, "WordStat rule '\(word)' is not supported; skipped"))
                continue
            }
            if weight != 1 {
                warnings.append(
                    Diagnostic(.warning, at: location, "weight (\(weight)) of '\(word)' ignored: every match counts once"))
            }
            let term = word.replacingOccurrences(of: "_", with: " ").lowercased()
            categories[category].terms.append(Term(term, at: location))
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        let assembled = try assemble(categories, path: path)
        return (assembled.codebook, warnings + assembled.warnings)
    }

    /// `WORD (n)` as the word and its weight; nil for a category line.
    private static func leaf(_ content: Substring) -> (word: String, weight: Int)? {
        guard content.hasSuffix(")"), let open = content.lastIndex(of: "(") else { return nil }
        let number = content[content.index(after: open)..<content.index(before: content.endIndex)]
        guard let weight = Int(number.trimmingCharacters(in: .whitespaces)) else { return nil }
        let word = String(content[..<open]).trimmingWhitespace()
        return word.isEmpty ? nil : (word, weight)
    }
}
