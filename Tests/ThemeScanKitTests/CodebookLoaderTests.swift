import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct CodebookLoaderTests {
    private func problems(_ yaml: String) -> [String] {
        do {
            _ = try TestSupport.codebook(yaml)
            return []
        } catch let error as CodebookError {
            guard case .invalid(let diagnostics) = error else { return [error.description] }
            return diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func loadsThemesCodesTermsAndLabels() throws {
        let codebook = try CodebookLoader(classifier: TestSupport.classifier)
            .load(path: TestSupport.fixtures.appendingPathComponent("codebook.yaml").path).codebook
        #expect(codebook.name == "Golden sample")
        #expect(codebook.themes.map(\.id) == ["issues", "elements", "relationships"])
        let depression = try #require(codebook.codes.first?.code)
        #expect(depression.id == "depression")
        #expect(depression.terms.map(\.text) == ["抑郁", "抑郁症", "depress*"])
        #expect(depression.exclusions.map(\.text) == ["great depression"])
        #expect(depression.label.text(preferring: ["en"]) == "Depression")
        #expect(depression.terms[1].location.line == 10)
    }

    @Test func csvAndYAMLCodebooksAreTheSame() throws {
        let loader = CodebookLoader(classifier: TestSupport.classifier)
        let yaml = try loader.load(path: TestSupport.fixtures.appendingPathComponent("codebook.yaml").path).codebook
        let csv = try loader.load(path: TestSupport.fixtures.appendingPathComponent("codebook.csv").path).codebook
        #expect(csv.themes.map(\.id) == yaml.themes.map(\.id))
        for (a, b) in zip(csv.codes, yaml.codes) {
            #expect(a.code.id == b.code.id)
            #expect(a.code.terms.map(\.text) == b.code.terms.map(\.text))
            #expect(a.code.exclusions.map(\.text) == b.code.exclusions.map(\.text))
            #expect(a.code.label.text(preferring: ["zh", "en"]) == b.code.label.text(preferring: ["zh", "en"]))
        }
    }

    @Test func duplicateCodeIDsAreLocated() {
        let found = problems("""
            version: 1
            themes:
              - id: a
                codes:
                  - id: x
                    terms: [抑郁]
              - id: b
                codes:
                  - id: x
                    terms: [焦虑]
            """)
        #expect(found == ["inline.yaml:9:9: error: duplicate code id 'x' (first defined at inline.yaml:5:9)"])
    }

    @Test func codeWithoutTermsAndEmptyTerms() {
        let found = problems("""
            version: 1
            themes:
              - id: a
                codes:
                  - id: x
                    terms: []
                  - id: y
                    terms: [抑郁, "  "]
            """)
        #expect(found == [
            "inline.yaml:8:21: error: empty term in 'terms'",
            "inline.yaml:5:9: error: code 'x' has no terms",
        ])
    }

    @Test(arguments: [
        ("*ing", "'*' may only end a word"),
        ("de*pression", "'*' may only end a word"),
        ("depress**", "'*' may only end a word"),
        ("抑郁*", "'*' may only end a word"),
        ("抑?", "wildcards apply to words of letters"),
        ("? ?", "'?' stands for one letter"),
        ("*", "'*' may only end a word"),
    ])
    func malformedWildcardsAreErrors(term: String, message: String) {
        let found = problems("version: 1\nthemes:\n  - id: a\n    codes:\n      - id: x\n        terms: [\"\(term)\"]\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("inline.yaml:6:17: error: malformed wildcard") == true)
        #expect(found.first?.contains(message) == true)
    }

    @Test func unknownVersionAndMissingThemes() {
        #expect(problems("version: 2\nthemes: []\n") == [
            "inline.yaml:1:10: error: unknown codebook version 2 (this version of themescan reads version 1)"
        ])
        #expect(problems("name: x\n") == [
            "inline.yaml:1:1: error: missing 'version: 1'", "inline.yaml:1:1: error: missing 'themes'",
        ])
    }

    @Test func yamlSyntaxErrorsHaveLineAndColumn() {
        let found = problems("version: 1\nthemes:\n  - id: a\n    codes: [x\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("inline.yaml:5:1: error: invalid YAML") == true)
    }

    @Test func duplicateKeysAreLocated() {
        #expect(problems("version: 1\nthemes:\n  - id: a\n    codes:\n      - id: x\n        terms: [a]\n        terms: [b]\n") == [
            "inline.yaml:6:9: error: invalid YAML: duplicate key 'terms' in this mapping"
        ])
    }

    @Test func aMissingFileSaysSo() {
        #expect(throws: CodebookError.unreadable(path: "/nonexistent/book.yaml", reason: "No such file or directory")) {
            try CodebookLoader(classifier: TestSupport.classifier).load(path: "/nonexistent/book.yaml")
        }
    }

    @Test func unknownKeysAreWarnings() throws {
        let result = try CodebookLoader(classifier: TestSupport.classifier).loadYAML(
            "version: 1\nthemes:\n  - id: a\n    codes:\n      - id: x\n        term: [a]\n        terms: [b]\n",
            path: "inline.yaml")
        #expect(result.warnings.map(\.description) == [
            "inline.yaml:6:9: warning: unknown key 'term' ignored (expected one of description, exclude, id, label, terms)"
        ])
    }

    @Test func csvProblemsNameTheirLines() {
        let loader = CodebookLoader(classifier: TestSupport.classifier)
        func csvProblems(_ text: String) -> [String] {
            do {
                _ = try loader.loadCSV(text, path: "book.csv")
                return []
            } catch {
                guard case .invalid(let diagnostics) = error else { return [error.description] }
                return diagnostics.map(\.description)
            }
        }
        #expect(csvProblems("theme,term\na,b\n") == [
            "book.csv:1: error: missing required column(s) code; the header needs theme,code,term"
        ])
        #expect(csvProblems("theme,code,term,type\na,x,抑郁,\na,x,,\na,x,焦虑,maybe\nb,x,压力,\n") == [
            "book.csv:3: error: empty term",
            "book.csv:4: error: unknown type 'maybe' (expected term or exclude)",
            "book.csv:5: error: duplicate code id 'x' (already under theme 'a')",
        ])
        #expect(csvProblems("theme,code,term\na,x,\"抑郁\na,y,b\n") == [
            "book.csv:2: error: unclosed quote: the quoted field opened on line 2 never ends"
        ])
    }

    @Test func combiningCodebooksRefusesSharedCodeIDs() throws {
        let first = try TestSupport.codebook("version: 1\nthemes:\n  - id: a\n    codes:\n      - id: x\n        terms: [a]\n")
        let second = try TestSupport.codebook("version: 1\nthemes:\n  - id: a\n    codes:\n      - id: y\n        terms: [b]\n")
        let combined = try Codebook.combining([first, second])
        #expect(combined.themes.count == 1)
        #expect(combined.codes.map(\.code.id) == ["x", "y"])
        #expect(throws: CodebookError.self) { try Codebook.combining([first, first]) }
    }
}
