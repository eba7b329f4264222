/// How the matcher sees one Unicode scalar.
///
/// Letters and digits of spaced scripts (Latin, Greek, Cyrillic, Hangul, …) are `word` characters: a term made of
/// them must start and end at a word boundary. Han ideographs and kana are `ideograph` characters: they are
/// written without spaces, so terms made of them match anywhere. Whitespace and dashes are `separator`s, which a
/// space or hyphen in a term matches.
public enum CharacterClass: UInt8, Sendable {
    case other
    case word
    case ideograph
    case separator

    /// The class of a scalar, from its Unicode properties.
    public init(_ scalar: Unicode.Scalar) {
        let properties = scalar.properties
        if properties.isWhitespace || properties.generalCategory == .dashPunctuation || scalar == "\u{2212}" {
            self = .separator
            return
        }
        if properties.isIdeographic || properties.isUnifiedIdeograph || Self.isKana(scalar) {
            self = .ideograph
            return
        }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            self = .word
        default:
            self = .other
        }
    }

    private static func isKana(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true
        default: return false
        }
    }
}
