/// How big a codebook is: themes, codes, and terms by the script they are written in.
public struct CodebookSummary: Sendable, Equatable, CustomStringConvertible {
    public var themes: Int
    public var codes: Int
    /// Terms with a Chinese character (or kana).
    public var chineseTerms: Int
    /// Terms of Latin letters and no Chinese character.
    public var englishTerms: Int
    /// Terms in any other script, or of digits and symbols only.
    public var otherTerms: Int

    public init(_ codebook: Codebook, classifier: CharacterClassifier) {
        themes = codebook.themes.count
        codes = codebook.codes.count
        chineseTerms = 0
        englishTerms = 0
        otherTerms = 0
        for (_, code) in codebook.codes {
            for term in code.terms {
                let scalars = term.text.unicodeScalars
                if scalars.contains(where: { classifier.classify($0.value) == .ideograph }) {
                    chineseTerms += 1
                } else if scalars.contains(where: { Self.isLatinLetter($0) }) {
                    englishTerms += 1
                } else {
                    otherTerms += 1
                }
            }
        }
    }

    public var terms: Int { chineseTerms + englishTerms + otherTerms }

    /// `3 themes, 12 codes, 80 terms (50 zh, 28 en, 2 other)`.
    public var description: String {
        "\(themes) theme(s), \(codes) code(s), \(terms) term(s) (\(chineseTerms) zh, \(englishTerms) en, \(otherTerms) other)"
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.properties.isAlphabetic else { return false }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return true
        default: return false
        }
    }
}
