/// Why a term is not a valid pattern.
public enum TermPatternError: Error, Equatable, CustomStringConvertible {
    case empty
    case misplacedStar(String)
    case wildcardOnHan(String)
    case loneQuestionMark(String)
    case onlyWildcards(String)

    public var description: String {
        switch self {
        case .empty:
            return "empty term"
        case .misplacedStar(let term):
            return "malformed wildcard in '\(term)': '*' may only end a word of letters, as in depress*"
        case .wildcardOnHan(let term):
            return "malformed wildcard in '\(term)': wildcards apply to words of letters, not to Chinese characters"
        case .loneQuestionMark(let term):
            return "malformed wildcard in '\(term)': '?' stands for one letter inside a word, as in behavio?r"
        case .onlyWildcards(let term):
            return "malformed wildcard in '\(term)': a term needs at least one letter, digit or character"
        }
    }
}
