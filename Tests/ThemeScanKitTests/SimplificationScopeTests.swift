import Testing

@testable import ThemeScanKit

/// Traditional→Simplified conversion touches only the neighbourhood of characters it would change.
@Suite struct SimplificationScopeTests {
    @Test func aLongRunIsConvertedOnlyAroundItsTraditionalCharacters() throws {
        let normalizer = try TextNormalizer(simplifyChinese: true)
        let filler = String(repeating: "我们", count: 30)
        let text = "份子" + filler + "憂鬱" + filler + "甚麼" + filler + "份子"
        let normalized = try normalizer.normalize(text).string
        // Near 鬱 and 麼 the transliterator runs, with its phrase rules; far away (份子) it does not.
        #expect(normalized == "份子" + filler + "忧郁" + filler + "什么" + filler + "份子")
        // The same characters in a short run are converted as before.
        #expect(try normalizer.normalize("他很憂鬱").string == "他很忧郁")
        // Within reach of a Traditional character, the word rule that would rewrite 份子 does apply.
        #expect(try normalizer.normalize("份子鬱").string == "分子郁")
    }
}
