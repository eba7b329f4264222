import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct LexiconCheckTests {
    static let lexicons = TestSupport.fixtures.appendingPathComponent("lexicons")
    static let sample = lexicons.appendingPathComponent("warnings.yaml").path

    static func check(_ paths: [String], format: CodebookFormat? = nil) throws -> CodebookCheck {
        try CodebookLinter(classifier: TestSupport.classifier).check(paths: paths, format: format)
    }

    /// The warnings of one kind in the sample, as `line:column`.
    static func places(_ kind: CodebookLintKind) throws -> [String] {
        try check([sample]).diagnostics.filter { $0.message.hasSuffix(kind.tag) }.map {
            #expect($0.severity == .warning)
            #expect($0.location.path == sample)
            return "\($0.location.line ?? 0):\($0.location.column ?? 0)"
        }
    }

    @Test func aTermCoveredByAnEarlierWildcardOfAnotherCodeIsShadowed() throws {
        // abandon* (loss) is covered by aband* (heart, earlier); counseling is not: it has fewer wildcards than
        // counsel* and wins. 个案管理 of case-work is excluded by its own code.
        #expect(try Self.places(.shadowed) == ["19:17", "9:21"])
        let messages = try Self.check([Self.sample]).diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("'abandon*' of code 'loss' never counts: 'aband*' of code 'heart' (line 16)") })
    }

    @Test func theMatcherAgreesThatShadowedTermsNeverCount() throws {
        let matcher = try Matcher(
            codebook: try CodebookLoader(classifier: TestSupport.classifier).load(path: Self.sample).codebook,
            normalization: NormalizationOptions(), classifier: TestSupport.classifier)
        let analysis = try TestSupport.analyze("He felt abandoned, abandon, 个案管理 and counseling.", with: matcher)
        let credited = Set(analysis.matches.flatMap { $0.credits.map { matcher.codes[$0.code].code.id } })
        #expect(!credited.contains("loss"))
        #expect(analysis.matches.filter { $0.surface == "个案管理" }.allSatisfy { match in
            !match.credits.contains { matcher.codes[$0.code].code.id == "case-work" }
        })
        #expect(credited.contains("management") && credited.contains("heart"))
    }

    @Test func theSameTermUnderTwoCodesIsReportedOnceAtTheLaterCode() throws {
        #expect(try Self.places(.sharedTerm) == ["13:17"])
    }

    @Test func anExcludePhraseWithoutTheCodesTermsIsReported() throws {
        // "great depression" holds a match of de*, and 个案管理 one of 个案: only "social work" is useless.
        #expect(try Self.places(.excludeWithoutTerm) == ["17:19"])
    }

    @Test func shortWildcardStemsAndSingleChineseCharactersAreReported() throws {
        #expect(try Self.places(.shortStem) == ["13:35", "16:17"])
    }

    @Test func aTermRepeatedInOneCodeAfterNormalizationIsADuplicate() throws {
        // 個案 is 个案 once Traditional characters are simplified.
        #expect(try Self.places(.duplicateTerm) == ["9:27"])
        let unsimplified = try CodebookLinter(
            classifier: TestSupport.classifier, normalization: NormalizationOptions(simplifyChinese: false)
        ).check(paths: [Self.sample])
        #expect(!unsimplified.diagnostics.contains { $0.message.hasSuffix(CodebookLintKind.duplicateTerm.tag) })
    }

    @Test func theSummaryCountsThemesCodesAndTermsByScript() throws {
        let codebook = try #require(try Self.check([Self.sample]).codebooks.first)
        let summary = CodebookSummary(codebook, classifier: TestSupport.classifier)
        #expect(summary == CodebookSummary(themesCodesTerms: (1, 4), zh: 5, en: 6, other: 0))
        #expect(summary.description == "1 theme(s), 4 code(s), 11 term(s) (5 zh, 6 en, 0 other)")
    }

    @Test func patternCoverageFollowsTheMatchingRules() throws {
        func pattern(_ text: String) throws -> TermPattern { try TermPattern(parsing: text, classifier: TestSupport.classifier) }
        let classifier = TestSupport.classifier
        #expect(try pattern("depress?").isCovered(by: pattern("depress*"), classifier: classifier))
        #expect(try pattern("parent-child").isCovered(by: pattern("parent child"), classifier: classifier))
        #expect(try !pattern("depress*").isCovered(by: pattern("depress?"), classifier: classifier))
        #expect(try !pattern("depression").isCovered(by: pattern("depress"), classifier: classifier))
        #expect(try pattern("bullying").canOccur(inside: pattern("bullying at school"), classifier: classifier))
        #expect(try !pattern("bullying").canOccur(inside: pattern("cyberbullying"), classifier: classifier))
        #expect(try pattern("管理").canOccur(inside: pattern("个案管理"), classifier: classifier))
        #expect(try pattern("depress*").canOccur(inside: pattern("great depression"), classifier: classifier))
    }

    @Test func loaderErrorsAreReportedWithTheirLines() throws {
        let check = try Self.check([Self.lexicons.appendingPathComponent("bad-category.dic").path])
        #expect(check.hasErrors)
        #expect(check.codebooks.isEmpty)
        #expect(check.diagnostics.map { $0.location.line } == [3])
    }

    @Test func filesAreCheckedTogetherSoTermsSharedAcrossFilesAreFound() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let other = folder.appendingPathComponent("other.csv")
        try "theme,code,term\nt2,grief,bereave*\n".write(to: other, atomically: true, encoding: .utf8)
        let check = try Self.check([Self.sample, other.path])
        let shared = check.diagnostics.filter { $0.message.hasSuffix(CodebookLintKind.sharedTerm.tag) }
        #expect(shared.map(\.location) == [SourceLocation(path: Self.sample, line: 13, column: 17), SourceLocation(path: other.path, line: 2)])
        #expect(shared.last?.message.contains("also a term of code 'loss' (\(Self.sample):19:27)") == true)
    }

    @Test func theBinaryFailsOnErrorsOnly() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let warningsOnly = try Self.runCapturingOutput(["lexicon", "check", Self.sample], in: folder)
        #expect(warningsOnly.status == 0)
        #expect(warningsOnly.output.contains("\(Self.sample):13:35: warning: wildcard term 'de*' has a stem of 2 letter(s)"))
        #expect(warningsOnly.output.contains("\(Self.sample): 1 theme(s), 4 code(s), 11 term(s) (5 zh, 6 en, 0 other)"))
        #expect(warningsOnly.output.contains("0 error(s), 7 warning(s)"))
        let ignoring = try Self.runCapturingOutput(["lexicon", "check", Self.sample, "--ignore", "short-stem"], in: folder)
        #expect(!ignoring.output.contains("[short-stem]"))
        #expect(ignoring.output.contains("0 error(s), 5 warning(s)"))
        let errors = try EndToEndTests.run(
            ["lexicon", "check", Self.sample, Self.lexicons.appendingPathComponent("no-header.dic").path], in: folder)
        #expect(errors.status != 0)
    }
}

extension LexiconCheckTests {
    /// Runs the built binary and keeps its standard output, where `lexicon check` prints its findings.
    static func runCapturingOutput(_ arguments: [String], in folder: URL) throws -> (status: Int32, output: String) {
        let run = try EndToEndTests.run(arguments, in: folder)
        return (run.status, run.standardOutput)
    }
}

extension CodebookSummary {
    init(themesCodesTerms sizes: (themes: Int, codes: Int), zh: Int, en: Int, other: Int) {
        self = CodebookSummary(Codebook(name: "", themes: []), classifier: TestSupport.classifier)
        themes = sizes.themes
        codes = sizes.codes
        chineseTerms = zh
        englishTerms = en
        otherTerms = other
    }
}
