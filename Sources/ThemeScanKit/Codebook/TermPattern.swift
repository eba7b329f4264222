/// A term's pattern: the sequence of elements the matcher looks for.
///
/// The syntax, which the README states as the matching contract:
/// - a run of Han characters (or kana) matches those characters anywhere;
/// - a word of letters or digits of any other script matches only between word boundaries;
/// - a trailing `*` on such a word matches any continuation of letters (`depress*`), `?` one letter;
/// - a space or hyphen between elements matches one or more whitespace, hyphen or dash characters;
/// - any other character matches itself.
public struct TermPattern: Sendable, Hashable {
    /// One step of a pattern.
    public enum Element: Sendable, Hashable {
        /// Exactly this UTF-16 unit.
        case unit(UInt16)
        /// One or more whitespace, hyphen or dash characters.
        case gap
        /// One letter (`?`).
        case anyLetter
        /// Zero or more letters (a trailing `*`).
        case letters
    }

    public var elements: [Element]
    /// The pattern begins with a word character, so a match must begin at a word boundary.
    public var requiresStartBoundary: Bool
    /// The pattern ends with a word character, so a match must end at a word boundary.
    public var requiresEndBoundary: Bool
    /// How many `*` and `?` it has: among equally long matches the one with fewer wildcards is more specific.
    public var wildcardCount: Int

    /// Parses a term (raw or normalized); the error says what is wrong in words a researcher can act on.
    public init(parsing text: String, classifier: CharacterClassifier) throws(TermPatternError) {
        let scalars = Array(text.unicodeScalars)
        var first = 0
        var last = scalars.count
        while first < last, classifier.classify(scalars[first].value) == .separator { first += 1 }
        while last > first, classifier.classify(scalars[last - 1].value) == .separator { last -= 1 }
        guard first < last else { throw .empty }

        func kind(_ index: Int) -> CharacterClass? {
            guard index >= first, index < last else { return nil }
            return classifier.classify(scalars[index].value)
        }
        func isWordPart(_ index: Int) -> Bool {
            guard index >= first, index < last else { return false }
            return scalars[index] == "?" || kind(index) == .word
        }

        var elements: [Element] = []
        var wildcards = 0
        var hasLiteral = false
        for index in first..<last {
            let scalar = scalars[index]
            switch scalar {
            case "*":
                guard isWordPart(index - 1), scalars[index - 1] != "*" else { throw .misplacedStar(text) }
                guard !isWordPart(index + 1), index + 1 == last || scalars[index + 1] != "*" else {
                    throw .misplacedStar(text)
                }
                elements.append(.letters)
                wildcards += 1
            case "?":
                let before = kind(index - 1)
                let after = kind(index + 1)
                guard before != .ideograph, after != .ideograph else { throw .wildcardOnHan(text) }
                guard isWordPart(index - 1) || isWordPart(index + 1) else { throw .loneQuestionMark(text) }
                elements.append(.anyLetter)
                wildcards += 1
            default:
                if classifier.classify(scalar.value) == .separator {
                    if elements.last != .gap { elements.append(.gap) }
                } else {
                    elements.append(contentsOf: String(scalar).utf16.map(Element.unit))
                    hasLiteral = true
                }
            }
        }
        guard hasLiteral else { throw .onlyWildcards(text) }
        self.elements = elements
        self.wildcardCount = wildcards
        self.requiresStartBoundary = isWordPart(first)
        self.requiresEndBoundary = isWordPart(last - 1) || scalars[last - 1] == "*"
    }
}
