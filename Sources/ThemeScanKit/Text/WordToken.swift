/// A word token ICU found: where it is in the UTF-16 text and what kind of word it is.
public struct WordToken: Sendable, Hashable {
    /// What the word break rules say a token is.
    public enum Kind: Int32, Sendable {
        case number = 1
        case letters = 2
        case kana = 3
        case ideographs = 4
    }

    /// UTF-16 offsets, end exclusive.
    public var range: Range<Int>
    public var kind: Kind

    public init(range: Range<Int>, kind: Kind) {
        self.range = range
        self.kind = kind
    }
}
