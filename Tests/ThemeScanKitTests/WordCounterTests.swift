import Testing

@testable import ThemeScanKit

/// `WordCounter` counts words by their UTF-16 units and answers whether it holds one, before and after its table
/// grows.
@Suite struct WordCounterTests {
    static func units(_ word: String) -> [UInt16] { Array(word.utf16) }

    @Test func containsWhatItCountedAndNothingElse() {
        let words = (0..<2_000).map { "词\($0)" } + ["我们", "的", "you"]
        let table = WordCounter(words: words)
        for word in words {
            let units = Self.units(word)
            #expect(units.withUnsafeBufferPointer { table.contains($0, 0..<$0.count) }, "\(word)")
        }
        for word in ["我", "我们的", "词2000", "yo", "You", ""] {
            let units = Self.units(word)
            #expect(!units.withUnsafeBufferPointer { table.contains($0, 0..<$0.count) }, "\(word)")
        }
        // A word inside a longer text, by its range.
        let text = Self.units("他说我们都在")
        #expect(text.withUnsafeBufferPointer { table.contains($0, 2..<4) })
        #expect(!text.withUnsafeBufferPointer { table.contains($0, 1..<3) })
    }

    @Test func addCountsEachWordUnderOneIndex() {
        var counter = WordCounter()
        let text = Self.units("抑郁 抑郁 bullying 抑郁")
        let first = text.withUnsafeBufferPointer { counter.add($0, 0..<2) }
        let again = text.withUnsafeBufferPointer { counter.add($0, 3..<5) }
        let other = text.withUnsafeBufferPointer { counter.add($0, 6..<14) }
        #expect(first == again && first != other)
        var tally = DocumentTally(caseID: "c", tokens: 0, characters: 0, codeCount: 0, termCount: 0)
        counter.finish(dropping: WordCounter(words: ["bullying"]), into: &tally)
        #expect(tally.words == ["抑郁": 2])
    }

    /// Words of up to four units are told apart by the units kept in their slot, longer ones by their units in
    /// storage: every length around that bound, words that differ in one unit, and lengths past the slot's
    /// 16-bit length field, which only the full length tells apart.
    @Test func wordsOfEveryLengthAreToldApart() {
        var counter = WordCounter()
        var words: [[UInt16]] = []
        for length in 0...9 {
            let word = (0..<length).map { UInt16(0x4E00 + $0) }
            words.append(word)
            if length > 0 {
                var changed = word
                changed[length - 1] += 1
                words.append(changed)
            }
        }
        words.append([UInt16](repeating: 0x61, count: 70_000))
        words.append([UInt16](repeating: 0x61, count: 70_001))
        words.append([UInt16](repeating: 0x61, count: 70_000 - 0x10000))
        var indices: [Int] = []
        for word in words { indices.append(word.withUnsafeBufferPointer { counter.add($0, 0..<$0.count) }) }
        #expect(indices == Array(0..<words.count))
        for (index, word) in words.enumerated() {
            #expect(word.withUnsafeBufferPointer { counter.add($0, 0..<$0.count) } == index, "length \(word.count)")
        }
    }
}
