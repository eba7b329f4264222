import Foundation
import Yams

/// Reads a codebook from any supported format: themescan's YAML and CSV, LIWC `.dic`, quanteda YAML and WordStat
/// `.cat` dictionaries.
///
/// Dictionary categories become themes and codes: a top-level category with sub-categories is a theme whose
/// sub-categories are codes; top-level categories without sub-categories are codes of one theme named after the
/// file; deeper categories are flattened into codes with `parent/child` ids. Whatever cannot be carried over
/// (conditional LIWC entries, WordStat rules and weights, patterns themescan cannot express) is reported with its
/// line as a warning and skipped, never dropped silently.
public struct CodebookImporter: Sendable {
    public let classifier: CharacterClassifier

    public init(classifier: CharacterClassifier) {
        self.classifier = classifier
    }

    /// Reads one file; `format` overrides the one its extension suggests.
    public func read(path: String, format: CodebookFormat? = nil) throws(CodebookError) -> (codebook: Codebook, warnings: [Diagnostic]) {
        guard let format = format ?? CodebookFormat(path: path) else { throw .unknownImportFormat(path: path) }
        return try read(text: CodebookLoader.readText(path: path), path: path, format: format)
    }

    /// Reads codebook text as if from `path`.
    public func read(text: String, path: String, format: CodebookFormat) throws(CodebookError) -> (codebook: Codebook, warnings: [Diagnostic]) {
        let loader = CodebookLoader(classifier: classifier)
        switch format {
        case .csv:
            return try loader.loadCSV(text, path: path)
        case .yaml, .quanteda:
            if format == .yaml, !Self.looksLikeQuanteda(text) { return try loader.loadYAML(text, path: path) }
            return try importQuanteda(text, path: path)
        case .liwc:
            return try importLIWC(text, path: path)
        case .wordstat:
            return try importWordStat(text, path: path)
        }
    }

    /// A native codebook is a mapping with `version` or `themes`; any other mapping is a quanteda dictionary.
    static func looksLikeQuanteda(_ text: String) -> Bool {
        guard let root = try? Yams.compose(yaml: text), let mapping = root.mapping else { return false }
        let keys = Set(mapping.keys.compactMap(\.string))
        return !keys.contains("version") && !keys.contains("themes")
    }

    /// Maps a category tree onto themes → codes (see the type's summary), with warnings for what changed.
    func assemble(_ categories: [ImportedCategory], path: String) throws(CodebookError) -> (codebook: Codebook, warnings: [Diagnostic]) {
        var warnings: [Diagnostic] = []
        var children = [[Int]](repeating: [], count: categories.count)
        var roots: [Int] = []
        for (index, category) in categories.enumerated() {
            if let parent = category.parent { children[parent].append(index) } else { roots.append(index) }
        }
        let stem = CodebookLoader.fileStem(path)
        var themeIDs = UniqueKeys(separator: "-")
        var codeIDs = UniqueKeys(separator: "-")
        var themes: [Theme] = []
        var fileThemeIndex: Int?

        func makeCode(_ index: Int, name: String) -> Code? {
            let category = categories[index]
            var terms: [Term] = []
            for term in category.terms {
                do {
                    _ = try TermPattern(parsing: term.text, classifier: classifier)
                    terms.append(term)
                } catch {
                    warnings.append(Diagnostic(.warning, at: term.location, "\(error); skipped (category '\(name)')"))
                }
            }
            guard !terms.isEmpty else {
                if children[index].isEmpty {
                    warnings.append(Diagnostic(.warning, at: category.location, "category '\(name)' has no usable words; skipped"))
                }
                return nil
            }
            let id = codeIDs.claim(Self.safeID(name), at: category.location, kind: "code", warnings: &warnings)
            return Code(id: id, label: Label(["default": category.name]), terms: terms, at: category.location)
        }

        for root in roots {
            let category = categories[root]
            if children[root].isEmpty {
                guard let code = makeCode(root, name: category.name) else { continue }
                if fileThemeIndex == nil {
                    let id = themeIDs.claim(Self.safeID(stem), at: category.location, kind: "theme", warnings: &warnings)
                    fileThemeIndex = themes.count
                    themes.append(Theme(id: id, label: Label(["default": stem]), codes: [], at: SourceLocation(path: path)))
                }
                themes[fileThemeIndex!].codes.append(code)
                continue
            }
            let themeID = themeIDs.claim(Self.safeID(category.name), at: category.location, kind: "theme", warnings: &warnings)
            var theme = Theme(id: themeID, label: Label(["default": category.name]), codes: [], at: category.location)
            if let own = makeCode(root, name: category.name) { theme.codes.append(own) }
            // Depth-first, so flattened codes follow their parents as they did in the file.
            var pending: [(index: Int, path: [String])] = children[root].reversed().map { ($0, [categories[$0].name]) }
            while let (index, names) = pending.popLast() {
                let name = names.joined(separator: "/")
                if names.count > 1 {
                    warnings.append(
                        Diagnostic(
                            .warning, at: categories[index].location,
                            "category '\(category.name)/\(name)' is nested deeper than themes and codes; flattened into code '\(Self.safeID(name))' of theme '\(themeID)'"))
                }
                if let code = makeCode(index, name: name) { theme.codes.append(code) }
                pending += children[index].reversed().map { ($0, names + [categories[$0].name]) }
            }
            if theme.codes.isEmpty {
                warnings.append(Diagnostic(.warning, at: category.location, "category '\(category.name)' has no usable words; skipped"))
                continue
            }
            themes.append(theme)
        }
        guard !themes.isEmpty else {
            throw .invalid([Diagnostic(.error, at: SourceLocation(path: path), "the dictionary holds no category with words")])
        }
        let codebook = Codebook(name: stem, themes: themes, sources: [path])
        let problems = CodebookLoader(classifier: classifier).validate(codebook)
        guard problems.isEmpty else { throw .invalid(problems) }
        return (codebook, warnings)
    }

    /// A category name as an id: letters, digits, `_`, `-`, `.` and `/` are kept, anything else becomes `_`.
    static func safeID(_ name: String) -> String {
        var id = ""
        for scalar in name.unicodeScalars {
            let properties = scalar.properties
            let keep = properties.isAlphabetic || properties.numericType == .decimal || "_-./".unicodeScalars.contains(scalar)
            id.unicodeScalars.append(keep ? scalar : "_")
        }
        return id.isEmpty ? "category" : id
    }
}
