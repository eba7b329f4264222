import Testing

@testable import ThemeScanKit

@Suite struct TextWidthEstimatorTests {
    let estimator = TextWidthEstimator()

    @Test func hanCharactersAreOneEmEach() {
        #expect(estimator.width(of: "个案管理", fontSize: 10) == 40)
        #expect(estimator.width(of: "個案管理", fontSize: 10) == 40)
    }

    @Test func kanaHangulAndFullWidthPunctuationAreOneEm() {
        #expect(estimator.width(of: "カタ", fontSize: 10) == 20)
        #expect(estimator.width(of: "한국", fontSize: 10) == 20)
        #expect(estimator.width(of: "，。：（）", fontSize: 10) == 50)
        #expect(estimator.width(of: "ＡＢ", fontSize: 10) == 20)
    }

    @Test func latinIsProportional() {
        let narrow = estimator.width(of: "iii", fontSize: 10)
        let wide = estimator.width(of: "mmm", fontSize: 10)
        #expect(narrow < wide)
        #expect(narrow * 3 < wide)
        // Helvetica advances (i 0.222, m 0.833, digits 0.556), widened by the safety factor.
        #expect(abs(estimator.width(of: "m", fontSize: 100) - 83.3 * estimator.proportionalSafety) < 1e-9)
        #expect(abs(estimator.width(of: "0123456789", fontSize: 10) - 55.6 * estimator.proportionalSafety) < 1e-9)
        // A Latin word is narrower than the same number of Han characters.
        #expect(estimator.width(of: "case", fontSize: 10) < estimator.width(of: "个案管理", fontSize: 10))
    }

    @Test func latinErrsOnTheWideSide() {
        let helvetica = TextWidthEstimator(proportionalSafety: 1, narrowestAdvance: 0)
        #expect(estimator.width(of: "bullying", fontSize: 20) > helvetica.width(of: "bullying", fontSize: 20))
        // Helvetica's i is 0.222 em; the fonts the charts name draw it about 0.275 em wide.
        #expect(helvetica.width(of: "i", fontSize: 1000) == 222)
        #expect(estimator.width(of: "i", fontSize: 1000) > 275)
        // Noto Sans CJK SC's advances for "it'll" and "dropout" (1000 units to the em), the hardest cases for
        // Helvetica widths among common labels.
        #expect(estimator.width(of: "it'll", fontSize: 1000) > 275 + 377 + 278 + 284 + 284)
        #expect(estimator.width(of: "dropout", fontSize: 1000) > 620 + 388 + 606 + 620 + 606 + 607 + 377)
    }

    @Test func mixedStringsAddUp() {
        let parts = ["抑郁", " ", "case management", "（", "CBT", "）", "bullying"]
        let whole = estimator.width(of: parts.joined(), fontSize: 14)
        let sum = parts.reduce(0) { $0 + estimator.width(of: $1, fontSize: 14) }
        #expect(abs(whole - sum) < 1e-9)
        #expect(whole > estimator.width(of: "抑郁", fontSize: 14) + estimator.width(of: "bullying", fontSize: 14))
    }

    @Test func marksAndFormatCharactersTakeNoRoom() {
        #expect(estimator.width(of: "e\u{301}", fontSize: 10) == estimator.width(of: "e", fontSize: 10))
        #expect(estimator.width(of: "a\u{200B}b", fontSize: 10) == estimator.width(of: "ab", fontSize: 10))
        #expect(estimator.width(of: "", fontSize: 10) == 0)
    }

    @Test func otherScriptsGetTheDefaultAdvance() {
        let width = estimator.width(of: "é", fontSize: 10)
        #expect(width > estimator.width(of: "e", fontSize: 10))
        #expect(estimator.width(of: "ｱ", fontSize: 10) == 5)
    }
}
