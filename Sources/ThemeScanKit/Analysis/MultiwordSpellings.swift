/// The words that a document's multiword matches count as, by spelling, so each spelling is worked out once.
///
/// A multiword term matches across any run of spaces and line breaks, and its word is written with one space;
/// working that out made a string, split it and joined it again for every match. A document repeats a few
/// spellings many times, so each is kept, as written, with the word it counts as.
struct MultiwordSpellings {
    private var spellings = WordCounter()
    /// The word, in the document's `WordCounter`, of each spelling in `spellings`.
    private var words: [Int] = []

    /// Counts one occurrence of the multiword match `units[range]` in `counter`; returns its word's index there.
    mutating func count(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, in counter: inout WordCounter) -> Int {
        let spelling = spellings.add(units, range)
        if spelling < words.count {
            counter.increment(words[spelling])
            return words[spelling]
        }
        let text = makeString(fromUTF16: UnsafeBufferPointer(rebasing: units[range]))
        let word = Array(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").utf16)
        let index = word.withUnsafeBufferPointer { counter.add($0, 0..<$0.count) }
        words.append(index)
        return index
    }
}
