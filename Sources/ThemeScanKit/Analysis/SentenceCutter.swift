/// Cuts a segment's original text into sentences, to show a candidate in one.
///
/// ICU's sentence break iterator is not bridged by CICU, and examples need only a readable stretch, so a sentence
/// ends after 。！？!?. or at a line break; an abbreviation's full stop ("Dr.") merely makes an example shorter.
struct SentenceCutter {
    let units: [UInt16]
    /// UTF-16 positions where a sentence ends (just after its terminator), ascending, ending with `units.count`.
    private let ends: [Int]
    /// Sentences already cut, by index into `ends`, so n-grams of one sentence share its storage.
    private var cache: [Int: (text: String, start: Int)] = [:]

    init(units: [UInt16]) {
        self.units = units
        var ends: [Int] = []
        for (index, unit) in units.enumerated() {
            switch unit {
            case 0x3002, 0xFF01, 0xFF1F, 0xFF61, 0x21, 0x3F, 0x2E, 0x0A, 0x0D: ends.append(index + 1)
            default: break
            }
        }
        if ends.last != units.count { ends.append(units.count) }
        self.ends = ends
    }

    /// The sentence holding an original UTF-16 range, as an example for the n-gram there.
    mutating func example(around range: Range<Int>, document: Int) -> CandidateExample {
        // The first sentence end after the range's first unit: the range never holds a terminator.
        var low = 0
        var high = ends.count - 1
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] > range.lowerBound { high = middle } else { low = middle + 1 }
        }
        let sentence: (text: String, start: Int)
        if let cached = cache[low] {
            sentence = cached
        } else {
            var start = low == 0 ? 0 : ends[low - 1]
            var end = ends[low]
            while start < end, Self.isSpace(units[start]) { start += 1 }
            while end > start, Self.isSpace(units[end - 1]) { end -= 1 }
            sentence = (String(decoding: units[start..<end], as: UTF16.self), start)
            cache[low] = sentence
        }
        let lower = max(0, range.lowerBound - sentence.start)
        let upper = min(sentence.text.utf16.count, max(lower, range.upperBound - sentence.start))
        return CandidateExample(document: document, sentence: sentence.text, range: lower..<upper)
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0x3000 || unit == 0xA0
    }
}
