import Testing

@testable import ThemeScanKit

/// Traditional→Simplified conversion touches only the neighbourhood of characters it would change.
@Suite struct SimplificationScopeTests {
    /// The set holds a character exactly when Hant-Hans changes it on its own, bit for bit across the unified
    /// ideographs and both sides of the 64-bit words it packs them in.
    @Test func theSetHoldsWhatTheTransliteratorChanges() throws {
        let set = try TraditionalCharacterSet()
        let transliterator = try Transliterator(id: "Hant-Hans")
        var held = 0
        for value in UInt32(0x4E00)...UInt32(0x9FFF) {
            let alone = [UInt16(value)]
            let changes = try transliterator.apply(to: alone) != alone
            #expect(set.contains(value) == changes, "U+\(String(value, radix: 16, uppercase: true))")
            if changes { held += 1 }
        }
        #expect(held > 1000)
        #expect(set.contains(0x9B31) && set.contains(0x9EBC) && set.contains(0x500B))  // 鬱 麼 個
        #expect(!set.contains(0x90C1) && !set.contains(0x4E48) && !set.contains(0x4E2A))  // 郁 么 个
    }

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

    /// A text with nothing to replace skips the replacement scan; one such character anywhere, first and last
    /// included, must still be found. Each case holds one character that needs replacing, amid Simplified text.
    @Test(arguments: [("\u{2019}", "'"), ("\u{2018}", "'"), ("\u{02BC}", "'"), ("\u{2032}", "'"), ("個", "个"), ("鬱", "郁")])
    func aLoneReplacementIsMadeWhereverItStands(mark: String, replacement: String) throws {
        let normalizer = try TextNormalizer(simplifyChinese: true)
        let plain = "我们的孩子"
        #expect(try normalizer.normalize(plain).string == plain)
        for (before, after) in [("", plain), (plain, plain), (plain, "")] {
            #expect(try normalizer.normalize(before + mark + after).string == before + replacement + after)
        }
        // Without simplification only apostrophes are replaced.
        let unsimplified = try TextNormalizer(simplifyChinese: false)
        let expected = replacement == "'" ? replacement : mark
        #expect(try unsimplified.normalize(plain + mark).string == plain + expected)
    }
}
