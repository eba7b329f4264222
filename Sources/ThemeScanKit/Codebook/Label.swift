/// A label in several languages, keyed by language code (`zh`, `en`, …).
public struct Label: Sendable, Hashable {
    public var texts: [String: String]

    public init(_ texts: [String: String] = [:]) {
        self.texts = texts
    }

    /// The label in the first of `languages` that has one, else in any language (sorted by code), else nil.
    public func text(preferring languages: [String]) -> String? {
        for language in languages {
            if let text = texts[language], !text.isEmpty { return text }
        }
        return texts.keys.sorted().lazy.compactMap { self.texts[$0] }.first { !$0.isEmpty }
    }
}
