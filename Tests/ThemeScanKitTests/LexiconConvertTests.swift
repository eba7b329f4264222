import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct LexiconConvertTests {
    static let lexicons = TestSupport.fixtures.appendingPathComponent("lexicons")

    static func read(_ name: String, format: CodebookFormat? = nil) throws -> (codebook: Codebook, warnings: [Diagnostic]) {
        try CodebookImporter(classifier: TestSupport.classifier).read(path: lexicons.appendingPathComponent(name).path, format: format)
    }

    /// The located problems a file is rejected with, as `line:message`.
    static func errors(_ name: String, format: CodebookFormat? = nil) -> [String] {
        do {
            _ = try read(name, format: format)
            return []
        } catch {
            guard case .invalid(let problems)? = error as? CodebookError else { return ["\(error)"] }
            return problems.map { "\($0.location.line ?? 0):\($0.message)" }
        }
    }

    /// A codebook without where it was read from, for comparing what the model holds.
    static func content(_ codebook: Codebook) -> Codebook {
        let nowhere = SourceLocation(path: "")
        func strip(_ terms: [Term]) -> [Term] { terms.map { Term($0.text, at: nowhere) } }
        return Codebook(
            name: codebook.name,
            themes: codebook.themes.map { theme in
                Theme(
                    id: theme.id, label: theme.label,
                    codes: theme.codes.map {
                        Code(
                            id: $0.id, label: $0.label, terms: strip($0.terms), exclusions: strip($0.exclusions),
                            descriptionText: $0.descriptionText, at: nowhere)
                    }, descriptionText: theme.descriptionText, at: nowhere)
            }, descriptionText: codebook.descriptionText)
    }

    static func reread(_ text: String, as format: CodebookFormat) throws -> Codebook {
        try CodebookImporter(classifier: TestSupport.classifier).read(text: text, path: "converted.\(format.rawValue)", format: format).codebook
    }

    @Test func liwcNestedCategoriesBecomeThemesAndFlattenedCodes() throws {
        let (codebook, warnings) = try Self.read("nested.dic")
        #expect(codebook.themes.map(\.id) == ["funct", "affect", "nested"])
        #expect(codebook.themes[0].codes.map(\.id) == ["funct", "pronoun", "pronoun/ppron", "pronoun/ppron/i"])
        #expect(codebook.themes[1].codes.map(\.id) == ["affect", "posemo", "negemo", "negemo/anx"])
        let codes = Dictionary(uniqueKeysWithValues: codebook.codes.map { ($0.code.id, $0.code) })
        // A word in several categories credits each; multi-word entries keep their space.
        #expect(codes["negemo/anx"]?.terms.map(\.text) == ["afraid", "worri*"])
        #expect(codes["funct"]?.terms.map(\.text) == ["a", "i", "kind of"])
        #expect(codes["negemo/anx"]?.label.texts == ["default": "anx"])
        #expect(codes["social"]?.terms.first?.location.line == 20)
        let flattened = warnings.filter { $0.message.contains("nested deeper than themes and codes") }
        #expect(flattened.map { $0.location.line } == [4, 5, 9])
    }

    @Test func liwcConditionalEntriesAreReportedWithTheirLineAndSkipped() throws {
        let (codebook, warnings) = try Self.read("nested.dic")
        let conditional = try #require(warnings.first { $0.message.contains("conditional entry") })
        #expect(conditional.location.line == 17)
        #expect(conditional.location.column == 6)
        #expect(conditional.message.contains("'(02 134)53'"))
        // The word keeps its plain categories.
        let posemo = try #require(codebook.codes.first { $0.code.id == "posemo" }?.code)
        #expect(posemo.terms.map(\.text) == ["admir*", "like"])
        let unknown = try #require(warnings.first { $0.message.contains("'99' is not in the category list") })
        #expect(unknown.location.line == 19)
    }

    @Test func liwcFilesFromWindowsAndWithSpacedHeaders() throws {
        let text = "%\r\n1 funct words\r\n2\tsocial\r\n%\r\nthe\t1\r\nfriend*\t2 1\r\n"
        let (codebook, warnings) = try CodebookImporter(classifier: TestSupport.classifier).read(
            text: text, path: "windows.dic", format: .liwc)
        #expect(warnings.isEmpty)
        #expect(codebook.codes.map(\.code.label.texts["default"]) == ["funct words", "social"])
        #expect(codebook.codes.map(\.code.id) == ["funct_words", "social"])
        #expect(codebook.codes[0].code.terms.map(\.text) == ["the", "friend*"])
        #expect(codebook.codes[1].code.terms.first?.location == SourceLocation(path: "windows.dic", line: 6, column: 1))
    }

    @Test func quantedaNestedKeysAndMultiwordValues() throws {
        let (codebook, warnings) = try Self.read("dictionary.yml")
        #expect(codebook.themes.map(\.id) == ["economy", "dictionary"])
        #expect(codebook.themes[0].codes.map(\.id) == ["growth", "jobs", "trade/tariffs"])
        let jobs = try #require(codebook.codes.first { $0.code.id == "jobs" }?.code)
        #expect(jobs.terms.map(\.text) == ["job loss", "unemploy*"])
        #expect(jobs.terms[0].location.line == 7)
        #expect(codebook.themes[1].codes[0].terms.map(\.text) == ["mental health", "depress*"])
        #expect(warnings.map { $0.location.line } == [10, 11])
        #expect(warnings[1].message.contains("'*ness'") && warnings[1].message.contains("skipped"))
        // The multi-word term matches across the space, as the dictionary meant.
        let matcher = try Matcher(codebook: codebook, normalization: NormalizationOptions(), classifier: TestSupport.classifier)
        let analysis = try TestSupport.analyze("Fears of job\nloss grew.", with: matcher)
        #expect(analysis.matches.map(\.surface) == ["job\nloss"])
    }

    @Test func nativeYAMLIsToldApartFromQuantedaByStructure() throws {
        let native = try CodebookImporter(classifier: TestSupport.classifier)
            .read(path: TestSupport.fixtures.appendingPathComponent("codebook.yaml").path).codebook
        #expect(native.name == "Golden sample")
        #expect(!CodebookImporter.looksLikeQuanteda("version: 1\nname: x\nthemes: []\n"))
        #expect(CodebookImporter.looksLikeQuanteda("economy: [growth]\n"))
    }

    @Test func wordStatCategoriesWithMultiwordLeaves() throws {
        let (codebook, warnings) = try Self.read("categories.cat")
        #expect(codebook.themes.map(\.id) == ["ECONOMY", "categories"])
        let jobs = try #require(codebook.codes.first { $0.code.id == "JOBS" }?.code)
        #expect(jobs.terms.map(\.text) == ["job loss", "unemploy*"])
        #expect(jobs.label.texts == ["default": "JOBS"])
        #expect(codebook.codes.first { $0.code.id == "HEALTH" }?.code.terms.map(\.text) == ["mental health", "depress*"])
        #expect(warnings.map { $0.location.line } == [7, 11])
        #expect(warnings[0].message.contains("weight (2)"))
        #expect(warnings[1].message.contains("rule '@RISK_RULE'"))
    }

    @Test func malformedDictionariesGetLocatedErrors() {
        #expect(Self.errors("no-header.dic").map { $0.prefix(2) } == ["1:"])
        #expect(Self.errors("bad-category.dic") == ["3:a category line needs a number and a name, as '1<TAB>funct'"])
        #expect(Self.errors("loose-word.cat").map { $0.prefix(2) } == ["1:", "4:"])
        #expect(Self.errors("loose-word.cat").first?.contains("outside any category") == true)
        #expect(Self.errors("list.yml", format: .quanteda).map { $0.prefix(2) } == ["1:"])
    }

    @Test func yamlToCSVToYAMLLosesNothingTheModelHolds() throws {
        for path in [
            TestSupport.fixtures.appendingPathComponent("codebook.yaml").path,
            Self.lexicons.appendingPathComponent("warnings.yaml").path,
        ] {
            let original = try CodebookLoader(classifier: TestSupport.classifier).load(path: path).codebook
            let writer = CodebookWriter()
            let (csv, warnings) = writer.csv(original)
            #expect(warnings.isEmpty)
            let fromCSV = try Self.reread(csv, as: .csv)
            #expect(Self.content(fromCSV) == Self.content(original), "CSV of \(path)")
            let fromYAML = try Self.reread(try writer.yaml(fromCSV), as: .yaml)
            #expect(Self.content(fromYAML) == Self.content(original), "YAML of \(path)")
        }
    }

    @Test func awkwardTextSurvivesBothFormats() throws {
        let nowhere = SourceLocation(path: "")
        let codebook = Codebook(
            name: "Quotes, commas: and \"marks\"",
            themes: [
                Theme(
                    id: "1", label: Label(["default": "null"]),
                    codes: [
                        Code(
                            id: "yes", label: Label(["zh-Hant": "是", "en": "Yes, \"indeed\"", "default": "~"]),
                            terms: [Term("don't", at: nowhere), Term("a, b", at: nowhere), Term("# not a comment", at: nowhere)],
                            exclusions: [Term("[x]", at: nowhere)], descriptionText: "Agreement,\nover two lines", at: nowhere),
                        Code(id: "no", terms: [Term("否", at: nowhere)], at: nowhere),
                    ], descriptionText: "true", at: nowhere),
                Theme(id: "2", codes: [Code(id: "maybe", terms: [Term("或许", at: nowhere)], at: nowhere)], at: nowhere),
            ], descriptionText: "For the round trip: text that YAML and CSV both treat specially.")
        let writer = CodebookWriter()
        #expect(Self.content(try Self.reread(writer.csv(codebook).text, as: .csv)) == codebook)
        #expect(Self.content(try Self.reread(try writer.yaml(codebook), as: .yaml)) == codebook)
    }

    @Test func aThemeWithoutCodesIsReportedWhenWritingCSV() {
        let codebook = Codebook(name: "x", themes: [Theme(id: "empty", codes: [], at: SourceLocation(path: "x.yaml", line: 4))])
        let warnings = CodebookWriter().csv(codebook).warnings
        #expect(warnings.map(\.location.line) == [4])
    }

    @Test func theBinaryImportsAndRefusesToOverwrite() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = Self.lexicons.appendingPathComponent("categories.cat").path
        let first = try EndToEndTests.run(["lexicon", "convert", input, "out.csv"], in: folder)
        #expect(first.status == 0)
        #expect(first.standardError.contains("categories.cat:7:3: warning: weight (2)"))
        let written = try CodebookLoader(classifier: TestSupport.classifier).load(path: folder.appendingPathComponent("out.csv").path)
        #expect(written.codebook.codes.map(\.code.id) == ["GROWTH", "JOBS", "HEALTH"])
        #expect(written.codebook.name == "categories")
        let again = try EndToEndTests.run(["lexicon", "convert", input, "out.csv"], in: folder)
        #expect(again.status != 0)
        let forced = try EndToEndTests.run(["lexicon", "convert", input, "out.csv", "--to", "yaml", "--force"], in: folder)
        #expect(forced.status == 0)
        let yaml = try CodebookLoader(classifier: TestSupport.classifier).loadYAML(
            try String(contentsOf: folder.appendingPathComponent("out.csv"), encoding: .utf8), path: "out.csv")
        #expect(yaml.codebook.codes.map(\.code.id) == ["GROWTH", "JOBS", "HEALTH"])
        let wrongTarget = try EndToEndTests.run(["lexicon", "convert", input, "out.dic"], in: folder)
        #expect(wrongTarget.status != 0)
    }
}
