/// Classifies scalars quickly: a table for the Basic Multilingual Plane, Unicode properties beyond it.
///
/// Built once per run and shared by every worker; the table costs 64 KiB.
public struct CharacterClassifier: Sendable {
    private let basic: [CharacterClass]
    private let basicLetters: [Bool]

    public init() {
        var classes = [CharacterClass](repeating: .other, count: 0x10000)
        var letters = [Bool](repeating: false, count: 0x10000)
        // Each scalar's properties are asked once, and not at all in the three blocks whose every scalar has the
        // same class (a test holds them to the properties): this table is built before any input is read, and
        // asking Unicode's tables about all 65,536 scalars, twice, took 27 ms.
        classes.replaceSubrange(Self.unifiedIdeographs, with: repeatElement(.ideograph, count: Self.unifiedIdeographs.count))
        classes.replaceSubrange(Self.hangulSyllables, with: repeatElement(.word, count: Self.hangulSyllables.count))
        letters.replaceSubrange(Self.hangulSyllables, with: repeatElement(true, count: Self.hangulSyllables.count))
        for value in 0..<0x10000
        where !Self.unifiedIdeographs.contains(value) && !Self.hangulSyllables.contains(value)
            && !Self.privateUse.contains(value)
        {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let kind = CharacterClass(scalar)
            classes[value] = kind
            letters[value] = Self.isLetter(scalar, of: kind)
        }
        basic = classes
        basicLetters = letters
    }

    /// CJK Unified Ideographs: ideographs, not letters.
    static let unifiedIdeographs = 0x4E00..<0xA000
    /// Hangul syllables: letters of a spaced script.
    static let hangulSyllables = 0xAC00..<0xD7A4
    /// The private use area: other.
    static let privateUse = 0xE000..<0xF900

    /// The class of a scalar.
    public func classify(_ value: UInt32) -> CharacterClass {
        if value < 0x10000 { return basic[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return .other }
        return CharacterClass(scalar)
    }

    /// Whether a scalar is a letter (or a combining mark) of a spaced script: what `*` and `?` in a term match.
    public func isLetter(_ value: UInt32) -> Bool {
        if value < 0x10000 { return basicLetters[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return Self.isLetter(scalar, of: CharacterClass(scalar))
    }

    /// Whether a scalar of class `kind` is a letter: a word character that is not a number.
    private static func isLetter(_ scalar: Unicode.Scalar, of kind: CharacterClass) -> Bool {
        guard kind == .word else { return false }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: return false
        default: return true
        }
    }
}
