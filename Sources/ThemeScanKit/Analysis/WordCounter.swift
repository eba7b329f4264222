/// Counts the words of one document by their UTF-16 units, making a `String` only once per distinct word.
///
/// An analysis meets millions of tokens but a few thousand distinct words per document; building and hashing a
/// `String` for every token (Swift hashes strings through their NFC form) cost more than ICU's word break itself.
/// Written by hand because no collection of the standard library or the allowed packages hashes a slice of a
/// buffer without copying it: this is an open-addressing table over one flat buffer of the distinct words' units.
struct WordCounter {
    /// The distinct words' units, one after another.
    private var storage: [UInt16] = []
    /// Where each distinct word starts in `storage`, and its length.
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var counts: [Int] = []
    /// For each distinct word, the codes it credits when it is a codebook match.
    private var codes: [[Int]] = []
    /// Open addressing: the index of a word plus one, or 0 for an empty slot; a power of two long.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// Counts one occurrence of the word in `units[range]`; returns its index among the distinct words.
    @discardableResult
    mutating func add(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Int {
        let (slot, found) = find(units, range)
        if let found {
            counts[found] += 1
            return found
        }
        let word = counts.count
        starts.append(storage.count)
        lengths.append(range.count)
        storage.append(contentsOf: units[range])
        counts.append(1)
        codes.append([])
        slots[slot] = Int32(word + 1)
        if counts.count * 2 > slots.count { grow() }
        return word
    }

    /// A table of these words, for `contains`: counted once each.
    init(words: some Sequence<String>) {
        for word in words {
            let units = Array(word.utf16)
            units.withUnsafeBufferPointer { _ = add($0, 0..<$0.count) }
        }
    }

    init() {}

    /// Whether the word in `units[range]` is in the table.
    func contains(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        find(units, range).word != nil
    }

    /// The word in `units[range]` when it is in the table, and the slot where it is or would go.
    private func find(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> (slot: Int, word: Int?) {
        let mask = slots.count - 1
        var slot = Self.slot(units, range, mask: mask)
        while slots[slot] != 0 {
            let word = Int(slots[slot]) - 1
            if lengths[word] == range.count, storage[starts[word]..<(starts[word] + lengths[word])].elementsEqual(units[range]) {
                return (slot, word)
            }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// Counts one more occurrence of a word already counted.
    mutating func increment(_ word: Int) {
        counts[word] += 1
    }

    /// Notes that a word credits a code.
    mutating func credit(_ word: Int, code: Int) {
        if !codes[word].contains(code) { codes[word].append(code) }
    }

    /// The distinct words as strings with their counts, and the codes of those that are codebook matches; words
    /// in `stopwords` are left out unless they are matches.
    ///
    /// Stopwords are looked up by their units, before a string is made: each distinct word of each document was
    /// made a string and hashed for the lookup, and the commonest words of every survey row are stopwords.
    func finish(dropping stopwords: WordCounter, into tally: inout DocumentTally) {
        // Sized once: grown from empty, the dictionary hashed every word again at each doubling.
        tally.words.reserveCapacity(tally.words.count + counts.count)
        storage.withUnsafeBufferPointer { buffer in
            for word in counts.indices {
                let range = starts[word]..<(starts[word] + lengths[word])
                guard !codes[word].isEmpty || !stopwords.contains(buffer, range) else { continue }
                let text = makeString(fromUTF16: UnsafeBufferPointer(rebasing: buffer[range]))
                tally.words[text, default: 0] += counts[word]
                if !codes[word].isEmpty { tally.wordCodes[text, default: []].formUnion(codes[word]) }
            }
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        storage.withUnsafeBufferPointer { buffer in
            for word in counts.indices {
                var slot = Self.slot(buffer, starts[word]..<(starts[word] + lengths[word]), mask: mask)
                while bigger[slot] != 0 { slot = (slot + 1) & mask }
                bigger[slot] = Int32(word + 1)
            }
        }
        slots = bigger
    }

    /// Where a word's search starts: FNV-1a over its units, folded onto the table.
    private static func slot(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, mask: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            hash = (hash ^ UInt64(units[index])) &* 0x0000_0100_0000_01B3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }
}
