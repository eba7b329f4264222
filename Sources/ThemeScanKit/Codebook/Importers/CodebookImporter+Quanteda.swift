import Yams

extension CodebookImporter {
    /// Imports a quanteda YAML dictionary: keys are categories, nested to any depth; values are lists of glob
    /// patterns (or one pattern), multi-word ones separated by spaces.
    ///
    /// quanteda globs allow `*` anywhere; themescan only at the end of a word, so others are reported and
    /// skipped.
    func importQuanteda(_ text: String, path: String) throws(CodebookError) -> (codebook: Codebook, warnings: [Diagnostic]) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw CodebookError.invalid([Diagnostic(.error, at: SourceLocation(path: path), "dictionary is empty")])
            }
            root = node
        } catch let error as CodebookError {
            throw error
        } catch {
            throw .invalid([CodebookLoader.syntaxDiagnostic(error, path: path)])
        }
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(path: path, line: node.mark?.line, column: node.mark?.column)
        }
        guard let mapping = root.mapping else {
            throw .invalid([
                Diagnostic(.error, at: location(root), "a quanteda dictionary is a mapping of category names to lists of patterns")
            ])
        }
        var categories: [ImportedCategory] = []
        var problems: [Diagnostic] = []

        func walk(_ mapping: Node.Mapping, parent: Int?) {
            for (key, value) in mapping {
                guard let name = key.string, !name.isEmpty else {
                    problems.append(Diagnostic(.error, at: location(key), "a category name must be text"))
                    continue
                }
                let index = categories.count
                categories.append(ImportedCategory(name: name, location: location(key), parent: parent))
                if let nested = value.mapping {
                    walk(nested, parent: index)
                    continue
                }
                let items = value.sequence.map(Array.init) ?? [value]
                for item in items {
                    guard let pattern = item.scalar?.string else {
                        problems.append(Diagnostic(.error, at: location(item), "patterns of '\(name)' must be text, in a list"))
                        continue
                    }
                    // `Category:` with nothing after it is an empty category, reported when assembled.
                    if value.scalar != nil, ["", "~", "null"].contains(pattern) { continue }
                    categories[index].terms.append(Term(pattern, at: location(item)))
                }
            }
        }
        walk(mapping, parent: nil)
        guard problems.isEmpty else { throw .invalid(problems) }
        return try assemble(categories, path: path)
    }
}
