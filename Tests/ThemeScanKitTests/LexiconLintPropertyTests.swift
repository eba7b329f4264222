import Testing

@testable import ThemeScanKit

/// The linter's "never counts" and "never cancels" claims against the matcher, on generated codebooks and texts.
@Suite struct LexiconLintPropertyTests {
    static let termPool = [
        "ab", "ab*", "abc", "abc*", "a?c", "a?c*", "ab?", "abcd", "b c", "b-c*", "bc", "心理", "心理健康", "心", "cab*", "ca?",
    ]
    static let phrasePool = ["abc d", "x ab", "心理健康", "ab*", "abcd", "cab", "zz top", "b c"]
    static let pieces = ["a", "b", "c", "d", "ab", "abc", "cab", " ", "-", "心理", "健康", "心", "x", "，", "zz", "top"]

    /// A codebook of three codes with terms and exclusions drawn from the pools.
    static func codebook(_ generator: inout MatcherPropertyTests.Generator) throws -> Codebook {
        var yaml = "version: 1\nname: generated\nthemes:\n  - id: t\n    codes:\n"
        for code in 0..<3 {
            let terms = (0..<(1 + generator.next(4))).map { _ in termPool[generator.next(termPool.count)] }
            yaml += "      - id: c\(code)\n        terms: [\(terms.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
            if generator.next(2) == 0 {
                yaml += "        exclude: [\"\(phrasePool[generator.next(phrasePool.count)])\"]\n"
            }
        }
        return try TestSupport.codebook(yaml)
    }

    @Test func shadowedTermsNeverCountAndUselessExclusionsNeverCancel() throws {
        var generator = MatcherPropertyTests.Generator(state: 20_261_129)
        let linter = CodebookLinter(classifier: TestSupport.classifier)
        var shadowedSeen = 0
        var uselessSeen = 0
        for _ in 0..<80 {
            let codebook = try Self.codebook(&generator)
            let warnings = try linter.lint(codebook)
            let matcher = try Matcher(codebook: codebook, normalization: NormalizationOptions(), classifier: TestSupport.classifier)
            let shadowed = Set(
                warnings.filter { $0.message.hasSuffix(CodebookLintKind.shadowed.tag) }.map(\.location))
            let shadowedTerms = Set(matcher.terms.indices.filter { shadowed.contains(matcher.terms[$0].term.location) })
            shadowedSeen += shadowedTerms.count
            let useless = Set(
                warnings.filter { $0.message.hasSuffix(CodebookLintKind.excludeWithoutTerm.tag) }.map(\.location))
            uselessSeen += useless.count
            var trimmed = codebook
            for index in trimmed.themes[0].codes.indices {
                trimmed.themes[0].codes[index].exclusions.removeAll { useless.contains($0.location) }
            }
            let withoutUseless = try Matcher(codebook: trimmed, normalization: NormalizationOptions(), classifier: TestSupport.classifier)
            for _ in 0..<30 {
                let text = (0..<(1 + generator.next(12))).map { _ in Self.pieces[generator.next(Self.pieces.count)] }.joined()
                let analysis = try TestSupport.analyze(text, with: matcher)
                let credited = Set(analysis.matches.flatMap { $0.credits.map(\.term) })
                #expect(credited.isDisjoint(with: shadowedTerms), "a shadowed term counted in '\(text)' \(codebook.codes.map { "\($0.code.id): \($0.code.terms.map(\.text)) ex \($0.code.exclusions.map(\.text))" }) \(warnings.filter { $0.message.hasSuffix("[shadowed]") }.map(\.message)) \(analysis.matches.map { "\($0.surface) \($0.credits)" })")
                let trimmedAnalysis = try TestSupport.analyze(text, with: withoutUseless)
                #expect(
                    analysis.matches.map { "\($0.start) \($0.end) \($0.credits)" }
                        == trimmedAnalysis.matches.map { "\($0.start) \($0.end) \($0.credits)" },
                    "an exclusion reported as useless changed the matches of '\(text)'")
            }
        }
        // The pools must exercise both claims, or the test proves nothing.
        #expect(shadowedSeen > 10)
        #expect(uselessSeen > 10)
    }
}
