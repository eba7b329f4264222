import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct TextPipelineTests {
    @Test func foldingKeepsAMapToTheOriginal() throws {
        let text = "ＰＴＳＤ Straße ﬁ 抑鬱"
        let normalized = try TextNormalizer(simplifyChinese: true).normalize(text)
        #expect(normalized.string == "ptsd strasse fi 抑郁")
        let units = Array(text.utf16)
        func original(of range: Range<Int>) -> String {
            String(decoding: units[normalized.originalRange(of: range)], as: UTF16.self)
        }
        #expect(original(of: 0..<4) == "ＰＴＳＤ")
        #expect(original(of: 1..<2) == "Ｔ")
        // ß became two letters; either of them maps back to the whole ß.
        #expect(original(of: 9..<10) == "ß")
        #expect(original(of: 5..<12) == "Straße")
        #expect(original(of: 13..<15) == "ﬁ")
        #expect(original(of: 17..<18) == "鬱")
    }

    @Test func largeExpansionsGrowTheBufferAndMapBack() throws {
        // U+FDFA expands to 18 characters under NFKC: far beyond the first buffer guess, so the retry path runs.
        let text = "抑郁" + String(repeating: "\u{FDFA}", count: 200) + "焦虑"
        let normalized = try TextNormalizer(simplifyChinese: true).normalize(text)
        #expect(normalized.units.count > 200 * 18)
        let units = Array(text.utf16)
        let last = normalized.units.count
        #expect(String(decoding: units[normalized.originalRange(of: (last - 2)..<last)], as: UTF16.self) == "焦虑")
        #expect(String(decoding: units[normalized.originalRange(of: 2..<3)], as: UTF16.self) == "\u{FDFA}")
    }

    @Test func ignorableCharactersVanishButOffsetsHold() throws {
        // A soft hyphen and a zero-width space inside words are dropped by NFKC_Casefold.
        let normalized = try TextNormalizer(simplifyChinese: true).normalize("de\u{AD}pression 抑\u{200B}郁")
        #expect(normalized.string == "depression 抑郁")
    }

    @Test func simplificationRunByRunAgreesWithTheTransliteratorOnWholeText() throws {
        // Only Han runs with changeable characters reach ICU; the result must equal Hant-Hans on everything,
        // context rules included (甚麼 → 什么, where 甚 alone would stay).
        let text = "學校裡的個案管理與親子關係：憂鬱、焦慮、霸凌和網絡欺凌都會影響學生的心理健康。後來他們發現問題並不簡單，乾脆轉介醫院。"
            + (try String(contentsOf: TestSupport.fixtures.appendingPathComponent("sample/p02-hk.txt"), encoding: .utf8))
        let folded = try TextNormalizer(simplifyChinese: false).normalize(text)
        let whole = try Transliterator(id: "Hant-Hans").apply(to: folded.units)
        let table = try TextNormalizer(simplifyChinese: true).normalize(text)
        #expect(table.string == String(decoding: whole, as: UTF16.self))
        #expect(table.string.contains("个案管理与亲子关系"))
        #expect(table.string.contains("什么"))
    }

    @Test func withoutSimplificationTraditionalStays() throws {
        let normalizer = try TextNormalizer(simplifyChinese: false)
        #expect(try normalizer.normalize("抑鬱 Ｘ").string == "抑鬱 x")
    }

    @Test func wordTokensCountWordsNotSpacesOrPunctuation() throws {
        let segmenter = try WordSegmenter()
        #expect(try segmenter.countWords(in: Array("Hello, world! 3 kids".utf16)) == 4)
        let chinese = try segmenter.countWords(in: Array("我们做个案管理。".utf16))
        #expect(chinese >= 3 && chinese <= 5)
        #expect(try segmenter.countWords(in: Array("，。！ ... \n".utf16)) == 0)
        #expect(try segmenter.countWords(in: []) == 0)
    }

    @Test func chunkingAtPunctuationDoesNotChangeCounts() throws {
        let sentence = "孩子们的心理健康教育需要学校和家庭一起努力，老师也要接受培训。Teachers need training, too. "
        let text = Array(String(repeating: sentence, count: 200).utf16)
        let whole = try WordSegmenter(maximumChunk: text.count + 1).countWords(in: text)
        let chunked = try WordSegmenter(maximumChunk: 64).countWords(in: text)
        #expect(whole == chunked)
        #expect(whole > 200 * 15)
    }

    @Test func hardCutsNeverSplitASurrogatePair() throws {
        // Extension B ideographs are surrogate pairs; an odd chunk size forces cuts next to them. A split pair would
        // leave two lone surrogates, which are not word tokens, and the count would drop.
        let units = Array(String(repeating: "𠀀", count: 1000).utf16)
        let whole = try WordSegmenter(maximumChunk: units.count + 1).countWords(in: units)
        #expect(whole > 0)
        #expect(try WordSegmenter(maximumChunk: 17).countWords(in: units) == whole)
    }

    @Test func longHanRunsWithoutPunctuationAreCutAndCounted() throws {
        // Half a million Han characters with no break: cut into bounded chunks (a hard cut may split one word).
        let run = String(repeating: "心理健康教育亲子关系个案管理抑郁焦虑", count: 30_000)
        let units = Array(run.utf16)
        let tokens = try WordSegmenter(maximumChunk: 4096).countWords(in: units)
        let reference = try WordSegmenter(maximumChunk: 4096).countWords(in: Array(String(repeating: "心理健康教育亲子关系个案管理抑郁焦虑，", count: 300).utf16))
        #expect(tokens > units.count / 4)
        // Per character, the cut text yields nearly what punctuated text does.
        let perCharacter = Double(tokens) / Double(units.count)
        let referencePerCharacter = Double(reference) / Double(300 * 18)
        #expect(abs(perCharacter - referencePerCharacter) < 0.02)
    }

    @Test func classifierSortsScriptsAsTheRulesNeed() {
        let classifier = TestSupport.classifier
        #expect(classifier.classify(Unicode.Scalar("a").value) == .word)
        #expect(classifier.classify(Unicode.Scalar("7").value) == .word)
        #expect(classifier.classify(Unicode.Scalar("é").value) == .word)
        #expect(classifier.classify(Unicode.Scalar("抑").value) == .ideograph)
        #expect(classifier.classify(0x20000) == .ideograph)
        #expect(classifier.classify(Unicode.Scalar("カ").value) == .ideograph)
        #expect(classifier.classify(Unicode.Scalar("-").value) == .separator)
        #expect(classifier.classify(0x2013) == .separator)
        #expect(classifier.classify(Unicode.Scalar("\n").value) == .separator)
        #expect(classifier.classify(Unicode.Scalar("，").value) == .other)
        #expect(classifier.isLetter(Unicode.Scalar("a").value))
        #expect(!classifier.isLetter(Unicode.Scalar("7").value))
    }

    /// The classifier's table agrees with the scalars' own properties across the Basic Multilingual Plane,
    /// including the blocks it fills without asking them.
    @Test func classifierTableAgreesWithUnicodeProperties() {
        let classifier = TestSupport.classifier
        var mismatches: [String] = []
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let kind = CharacterClass(scalar)
            let isLetter: Bool
            switch scalar.properties.generalCategory {
            case .decimalNumber, .letterNumber, .otherNumber: isLetter = false
            default: isLetter = kind == .word
            }
            if classifier.classify(value) != kind || classifier.isLetter(value) != isLetter {
                mismatches.append("U+" + String(value, radix: 16, uppercase: true))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func scalarOffsetsSkipSurrogatePairs() {
        let map = ScalarOffsetMap(units: Array("a😀b𠀀c".utf16))
        #expect(map.scalarOffset(ofUTF16: 0) == 0)
        #expect(map.scalarOffset(ofUTF16: 3) == 2)
        #expect(map.scalarOffset(ofUTF16: 6) == 4)
        #expect(map.context(before: 6, scalars: 2) == "b𠀀")
        #expect(map.context(after: 1, scalars: 2) == "😀b")
    }

    @Test func stringsFromUTF16KeepEveryScalarAndRepairLoneSurrogates() {
        let units: [UInt16] = Array("aé抑😀\n\t".utf16) + [0xD800, 0x41]
        let plain = units.withUnsafeBufferPointer { makeString(fromUTF16: $0) }
        #expect(plain == "aé抑😀\n\t\u{FFFD}A")
        let flat = units.withUnsafeBufferPointer { makeString(fromUTF16: $0, flatteningLineBreaks: true) }
        #expect(flat == "aé抑😀  \u{FFFD}A")
    }

    @Test func boundaryListsGrowWhenTheFirstGuessIsTooSmall() throws {
        // One-letter words separated by spaces: a boundary at every unit, more than the first buffer holds.
        let text = Array(repeating: "a", count: 40).joined(separator: " ")
        let boundaries = try WordSegmenter().boundaries(in: Array(text.utf16))
        #expect(boundaries == Array(0...text.utf16.count))
        // Short sentences: more sentence ends than one per sixteen units.
        let sentences = try SentenceSegmenter().sentences(in: String(repeating: "好。", count: 30))
        #expect(sentences.count == 30)
        #expect(sentences.first == 0..<2)
        #expect(sentences.last == 58..<60)
    }
}
