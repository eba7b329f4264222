/// The part of a codebook that a run's outputs show: every code with its theme and labels, and every term's text.
///
/// A value of its own (rather than the `Codebook`) so a merged run, which never loads the codebook, describes its
/// codes exactly as the shards did: it travels in `partial.json`.
public struct RunCodebook: Sendable, Codable, Equatable {
    /// One code, in codebook order.
    public struct CodeEntry: Sendable, Codable, Equatable {
        public var theme: String
        public var themeLabels: [String: String]
        public var code: String
        public var labels: [String: String]
    }

    /// One term, in codebook order, with the index of its code.
    public struct TermEntry: Sendable, Codable, Equatable {
        public var code: Int
        public var text: String
    }

    public var codes: [CodeEntry]
    public var terms: [TermEntry]

    public init(codes: [CodeEntry], terms: [TermEntry]) {
        self.codes = codes
        self.terms = terms
    }

    /// The codes and terms of a matcher or an analysis result.
    public init(codes: [(theme: Theme, code: Code)], terms: [(code: Int, term: Term)]) {
        self.codes = codes.map { entry in
            CodeEntry(
                theme: entry.theme.id, themeLabels: entry.theme.label.texts, code: entry.code.id,
                labels: entry.code.label.texts)
        }
        self.terms = terms.map { TermEntry(code: $0.code, text: $0.term.text) }
    }

    /// The label of a code in the first of `languages` that has one; the code id when none does.
    public func label(ofCode index: Int, languages: [String]) -> String {
        Label(codes[index].labels).text(preferring: languages) ?? codes[index].code
    }

    /// Themes in order of first appearance, each with the indices of its codes.
    public var themes: [(id: String, labels: [String: String], codes: [Int])] {
        var order: [String] = []
        var members: [String: (labels: [String: String], codes: [Int])] = [:]
        for (index, entry) in codes.enumerated() {
            if members[entry.theme] == nil {
                order.append(entry.theme)
                members[entry.theme] = (entry.themeLabels, [])
            }
            members[entry.theme]!.codes.append(index)
        }
        return order.map { ($0, members[$0]!.labels, members[$0]!.codes) }
    }

    /// The label of a theme in the first of `languages` that has one; the theme id when none does.
    public func label(ofTheme id: String, languages: [String]) -> String {
        guard let entry = codes.first(where: { $0.theme == id }) else { return id }
        return Label(entry.themeLabels).text(preferring: languages) ?? id
    }

    /// Whether any code or theme has a label in `language`.
    public func hasLabels(in language: String) -> Bool {
        codes.contains { !($0.labels[language] ?? "").isEmpty }
    }
}
