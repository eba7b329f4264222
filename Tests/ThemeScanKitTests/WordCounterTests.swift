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
}
