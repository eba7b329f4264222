/// Counts the words of one document by their UTF-16 units, making a `String` only once per distinct word.
///
/// An analysis meets millions of tokens but a few thousand distinct words per document; building and hashing a
/// `String` for every token (Swift hashes strings through their NFC form) cost more than ICU's word break itself.
/// Written by hand because no collection of the standard library or the allowed packages hashes a slice of a
/// buffer without copying it: this is an open-addressing table over one flat buffer of the distinct words' units.
struct WordCounter {
    /// One place of the open-addressed table. A word of up to four units is held in the slot itself, so finding
    /// it reads nothing else: with the word only in `storage`, a lookup read the slot, then the word's length,
    /// then its units, three places in memory and each a miss on a document of many distinct words.
    private struct Slot {
        /// The units of a word of up to four, the first in the low bits; zero otherwise.
        var inline: UInt64 = 0
        /// The word's index plus one (0 for an empty slot) in the low 32 bits, its length in the next 16, and 16
        /// bits of its hash above, which turn away most other long words before their units are compared.
        var key: UInt64 = 0
    }

    /// The distinct words' units, one after another.
    private var storage: [UInt16] = []
    /// Where each distinct word starts in `storage`, and its length.
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var counts: [Int] = []
    /// For each distinct word, the codes it credits when it is a codebook match.
    private var codes: [[Int]] = []
    /// Open addressing, a power of two long, at most half full.
    private var slots = [Slot](repeating: Slot(), count: 1024)

    /// Counts one occurrence of the word in `units[range]`; returns its index among the distinct words.
    @discardableResult
    mutating func add(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Int {
        let hash = Self.hash(units, range)
        let (slot, found) = find(units, range, hash: hash)
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
        slots[slot] = Self.slot(for: word, units, range, hash: hash)
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
        find(units, range, hash: Self.hash(units, range)).word != nil
    }

    /// The word in `units[range]`, whose hash is `hash`, when it is in the table, and the slot where it is or would
    /// go.
    @inline(__always)
    private func find(
        _ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, hash: UInt64
    ) -> (slot: Int, word: Int?) {
        let mask = slots.count - 1
        let key = Self.keyBits(length: range.count, hash: hash)
        let inline = range.count <= 4 ? Self.packed(units, range) : 0
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let candidate = slots[slot]
                if candidate.key == 0 { return (slot, nil) }
                if candidate.key & ~0xFFFF_FFFF == key {
                    let word = Int(truncatingIfNeeded: candidate.key & 0xFFFF_FFFF) - 1
                    if range.count <= 4 {
                        if candidate.inline == inline { return (slot, word) }
                    } else if lengths[word] == range.count,
                        storage[starts[word]..<(starts[word] + range.count)].elementsEqual(units[range])
                    {
                        return (slot, word)
                    }
                }
                slot = (slot + 1) & mask
            }
        }
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
        var bigger = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = bigger.count - 1
        storage.withUnsafeBufferPointer { buffer in
            for word in counts.indices {
                let range = starts[word]..<(starts[word] + lengths[word])
                let hash = Self.hash(buffer, range)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while bigger[slot].key != 0 { slot = (slot + 1) & mask }
                bigger[slot] = Self.slot(for: word, buffer, range, hash: hash)
            }
        }
        slots = bigger
    }

    /// The slot that holds distinct word `word`, whose units are `units[range]` and whose hash is `hash`.
    private static func slot(
        for word: Int, _ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, hash: UInt64
    ) -> Slot {
        Slot(
            inline: range.count <= 4 ? packed(units, range) : 0,
            key: keyBits(length: range.count, hash: hash) | UInt64(word + 1))
    }

    /// The length and hash bits of a slot's key: its top 32 bits.
    @inline(__always)
    private static func keyBits(length: Int, hash: UInt64) -> UInt64 {
        UInt64(truncatingIfNeeded: min(length, 0xFFFF)) << 32 | (hash >> 48) << 48
    }

    /// Up to four units in one word, the first in the low bits.
    @inline(__always)
    private static func packed(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for index in range {
            value |= UInt64(units[index]) << shift
            shift += 16
        }
        return value
    }

    /// FNV-1a over a word's units, mixed so that both its low bits (the slot) and its high bits (the key's tag)
    /// spread.
    @inline(__always)
    private static func hash(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range {
            hash = (hash ^ UInt64(units[index])) &* 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }
}
