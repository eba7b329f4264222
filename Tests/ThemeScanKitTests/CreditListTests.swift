import Testing

@testable import ThemeScanKit

/// A match's credits read the same whether one is held inline or several in an array.
@Suite struct CreditListTests {
    static let credits = [Credit(code: 3, term: 7), Credit(code: 5, term: 7), Credit(code: 9, term: 12)]

    @Test(arguments: 0...3)
    func aListReadsAsTheArrayItWasMadeFrom(count: Int) {
        let array = Array(Self.credits.prefix(count))
        let list = CreditList(array)
        #expect(Array(list) == array)
        #expect(list.count == count)
        #expect(list.isEmpty == array.isEmpty)
        #expect(list.map(\.code) == array.map(\.code))
        #expect(list == CreditList(array))
        #expect(list.hashValue == CreditList(array).hashValue)
        if count > 0 { #expect(list[count - 1] == array[count - 1]) }
    }

    @Test func listsOfDifferentCreditsDiffer() {
        #expect(CreditList([Self.credits[0]]) != CreditList([Self.credits[1]]))
        #expect(CreditList([Self.credits[0]]) != CreditList(Self.credits.prefix(2)))
        #expect(CreditList([]) != CreditList([Self.credits[0]]))
        #expect([Self.credits[0]] as CreditList == CreditList([Self.credits[0]]))
    }

    /// A term listed under two codes credits both, each through it, in codebook order; one code's exclusion phrase
    /// takes only that code's credit away, leaving the list of one.
    @Test func sharedTermsCreditEveryCodeAndExclusionsTakeOneAway() throws {
        let matcher = try TestSupport.matcher(codes: [
            ("first", ["抑郁"], []), ("second", ["抑郁"], ["不抑郁"]),
        ])
        let normalizer = try TextNormalizer(simplifyChinese: true)
        let spans = matcher.spans(in: try normalizer.normalize("抑郁，不抑郁"))
        #expect(spans.map(\.range) == [0..<2, 4..<6])
        #expect(spans.map { Array($0.credits.map(\.code)) } == [[0, 1], [0]])
    }
}
