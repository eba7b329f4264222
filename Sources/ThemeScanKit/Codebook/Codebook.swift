/// A codebook: themes → codes → terms.
public struct Codebook: Sendable, Hashable {
    public var name: String
    public var themes: [Theme]
    /// Files the codebook was loaded from, in order.
    public var sources: [String]
    /// The codebook's `description`, for people.
    public var descriptionText: String?

    public init(name: String, themes: [Theme], sources: [String] = [], descriptionText: String? = nil) {
        self.name = name
        self.themes = themes
        self.sources = sources
        self.descriptionText = descriptionText
    }

    /// Every code in codebook order, with the theme it belongs to.
    public var codes: [(theme: Theme, code: Code)] {
        themes.flatMap { theme in theme.codes.map { (theme, $0) } }
    }

    /// Several codebooks as one: themes in order, a theme id seen again adds its codes to the first.
    ///
    /// Throws when a code id appears in more than one of them, which would make counts ambiguous.
    public static func combining(_ codebooks: [Codebook]) throws(CodebookError) -> Codebook {
        guard codebooks.count != 1 else { return codebooks[0] }
        var themes: [Theme] = []
        var themeIndex: [String: Int] = [:]
        var firstCode: [String: Code] = [:]
        var problems: [Diagnostic] = []
        for codebook in codebooks {
            for theme in codebook.themes {
                for code in theme.codes {
                    if let earlier = firstCode[code.id] {
                        problems.append(
                            Diagnostic(.error, at: code.location, "duplicate code id '\(code.id)' (first defined at \(earlier.location))"))
                    } else {
                        firstCode[code.id] = code
                    }
                }
                if let index = themeIndex[theme.id] {
                    themes[index].codes += theme.codes
                } else {
                    themeIndex[theme.id] = themes.count
                    themes.append(theme)
                }
            }
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        return Codebook(
            name: codebooks.map(\.name).joined(separator: " + "), themes: themes,
            sources: codebooks.flatMap(\.sources))
    }
}
