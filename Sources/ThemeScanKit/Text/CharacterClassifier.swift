/// Classifies scalars quickly: a table for the Basic Multilingual Plane, Unicode properties beyond it.
///
/// Built once per run and shared by every worker; the table costs 64 KiB.
public struct CharacterClassifier: Sendable {
    private let basic: [CharacterClass]
    private let basicLetters: [Bool]

    public init() {
        var classes = [CharacterClass](repeating: .other, count: 0x10000)
        var letters = [Bool](repeating: false, count: 0x10000)
        // Each scalar's properties are asked once: this table is built before any input is read, and asking for
        // the class twice (once for the letter table) took twice the 10 ms.
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let kind = CharacterClass(scalar)
            classes[value] = kind
            letters[value] = Self.isLetter(scalar, of: kind)
        }
        basic = classes
        basicLetters = letters
    }

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
