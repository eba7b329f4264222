import Foundation
import Testing

@testable import ThemeScanKit

/// The shipped stopword lists `lexicons/stopwords-zh.txt` and `lexicons/stopwords-en.txt`.
@Suite struct StopwordListTests {
    private static let lexicons = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("lexicons")

    /// The entries of a list: one per line, without `#` comments and blank lines.
    private static func entries(_ name: String) throws -> [String] {
        let text = try String(contentsOf: lexicons.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    @Test(arguments: ["stopwords-zh.txt", "stopwords-en.txt"])
    func entriesAreUniqueAndLowerCase(name: String) throws {
        let entries = try Self.entries(name)
        #expect(Set(entries).count == entries.count, "\(name) repeats entries")
        #expect(entries.allSatisfy { $0 == $0.lowercased() })
    }

    @Test func interviewFillersAreStopwords() throws {
        let chinese = Set(try Self.entries("stopwords-zh.txt"))
        let english = Set(try Self.entries("stopwords-en.txt"))
        for filler in ["嗯", "啊", "呃", "那个", "这个", "就是", "然后", "对", "对对", "其实", "反正", "怎么说呢", "的话", "嘅", "咗"] {
            #expect(chinese.contains(filler), "\(filler)")
        }
        for filler in ["um", "uh", "you know", "i mean", "kind of", "sort of", "like"] {
            #expect(english.contains(filler), "\(filler)")
        }
    }

    /// The word cloud must show what practitioners focus on, so the field's content words stay in.
    @Test func contentWordsOfTheFieldAreNotStopwords() throws {
        let chinese = Set(try Self.entries("stopwords-zh.txt"))
        let english = Set(try Self.entries("stopwords-en.txt"))
        #expect(chinese.isDisjoint(with: ["心理", "孩子", "学生", "学校", "家长", "老师", "家庭", "情绪", "压力", "支持", "关系"]))
        #expect(english.isDisjoint(with: ["child", "children", "kids", "parents", "teachers", "school", "feel", "well", "kind"]))
    }

    /// A word the default codebook counts is never hidden from word lists.
    @Test func noStopwordIsACodebookTerm() throws {
        let path = Self.lexicons.appendingPathComponent("children-mental-health.yaml").path
        let codebook = try CodebookLoader(classifier: TestSupport.classifier).load(path: path).codebook
        let terms = Set(codebook.codes.flatMap { $0.code.terms.map { $0.text.lowercased() } })
        let stopwords = try Self.entries("stopwords-zh.txt") + Self.entries("stopwords-en.txt")
        #expect(stopwords.filter(terms.contains).isEmpty)
    }
}
