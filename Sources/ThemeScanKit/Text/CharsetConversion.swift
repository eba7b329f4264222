/// Text converted from a legacy charset, with the places where the bytes were not valid in it.
struct CharsetConversion: Sendable, Hashable {
    var text: String
    /// How many invalid or unmappable byte sequences became U+FFFD.
    var invalidCount: Int
    /// The byte offsets of the first of them, relative to the converted bytes.
    var invalidOffsets: [Int]
}
