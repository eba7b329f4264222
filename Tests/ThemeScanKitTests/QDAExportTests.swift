import Foundation
import Testing

@testable import ThemeScanKit

/// REFI-QDA export: GUIDs, the codebook file, the project archive, checked against the published schemas.
@Suite struct QDAExportTests {
    static let schemas = TestSupport.fixtures.appendingPathComponent("refi-qda")
    static let codebookNamespace = ["q": QDACodebookWriter.namespace]
    static let projectNamespace = ["q": QDAProjectWriter.namespace]
    /// Whether the text is a version 5 GUID in the XSD's `GUIDType` form, lower case, as ThemeScan writes them.
    static func isDerivedGUID(_ text: String) -> Bool {
        text.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil
    }

    static let codebookYAML = """
        version: 1
        name: Test & <codebook>
        themes:
          - id: issues
            label: {zh: 心理健康问题, en: Mental health issues}
            codes:
              - id: depression
                label: {zh: 抑郁, en: Depression}
                terms: [抑郁, depress*]
                exclude: [great depression]
              - id: anxiety
                label: {en: "Anxiety <& \\"worry\\">"}
                terms: [焦虑, anxious]
          - id: support
            codes:
              - id: counselling
                terms: [心理咨询, counsel*]
        """

    // MARK: - GUIDs

    @Test func sha1MatchesTheFIPSVectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // 56 bytes: the length no longer fits in the first block.
        #expect(
            hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(hex(SHA1.digest([UInt8](repeating: 0x61, count: 1_000_000))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func guidsAreRFC4122Version5() throws {
        // Known values, as Python's uuid.uuid5 gives them.
        #expect(QDAGUID(named: "python.org", in: .dnsNamespace).description == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(QDAGUID(named: "www.example.com", in: .dnsNamespace).description == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
        #expect(QDAGUID(named: "https://example.org/抑郁", in: .urlNamespace).description == "2ffe33ff-7dbb-5de8-84ae-0cb3748e5829")
        #expect(QDAGUID.themeScan == QDAGUID(named: "urn:themescan:refi-qda", in: .urlNamespace))
        #expect(QDACodebookWriter.guid(ofCode: "depression").description == "5e6e13ed-f424-5241-85af-e69c4d0d342a")
        #expect(QDACodebookWriter.guid(ofTheme: "issues").description == "36e7133c-dd3a-5aaf-8536-0855d99944fa")

        let guid = QDAGUID(named: "code:anxiety")
        #expect(guid.version == 5)
        #expect(Self.isDerivedGUID(guid.description))
        #expect(QDAGUID(parsing: guid.description.uppercased()) == guid)
        #expect(QDAGUID(parsing: "{\(guid)}") == guid)
        #expect(QDAGUID(parsing: "886313e1-3b8a-5372-9b90-0c9aee199e5") == nil)
        #expect(QDAGUID(parsing: "886313e1-3b8a-5372-9b90+0c9aee199e5d") == nil)
        #expect(QDAGUID(parsing: "+86313e1-3b8a-5372-9b90-0c9aee199e5d") == nil)
        // Themes and codes with the same id stay apart.
        #expect(QDACodebookWriter.guid(ofTheme: "x") != QDACodebookWriter.guid(ofCode: "x"))
    }

    // MARK: - Codebook

    @Test func codebookFileValidatesAndNestsCodesUnderThemes() throws {
        let codebook = try TestSupport.codebook(Self.codebookYAML)
        let bytes = try QDACodebookWriter(labelLanguages: ["zh", "en"]).codebookFile(for: codebook)
        let tree = try XMLTree(xml: bytes)
        let validation = try tree.validate(againstSchemaAt: Self.schemas.appendingPathComponent("Codebook.xsd").path)
        #expect(validation.isValid, "\(validation.firstProblem ?? "")")

        let themes = try tree.evaluate("/q:CodeBook/q:Codes/q:Code", namespaces: Self.codebookNamespace).nodes
        #expect(themes.map { $0.attribute("name") } == ["心理健康问题", "support"])
        #expect(themes.allSatisfy { $0.attribute("isCodable") == "false" })
        #expect(themes.map { $0.attribute("guid") } == ["issues", "support"].map { QDACodebookWriter.guid(ofTheme: $0).description })

        let codes = try tree.evaluate("/q:CodeBook/q:Codes/q:Code/q:Code", namespaces: Self.codebookNamespace).nodes
        #expect(codes.map { $0.attribute("name") } == ["抑郁", "Anxiety <& \"worry\">", "counselling"])
        #expect(codes.allSatisfy { $0.attribute("isCodable") == "true" })
        #expect(codes.map { $0.attribute("guid") } == ["depression", "anxiety", "counselling"].map { QDACodebookWriter.guid(ofCode: $0).description })
        #expect(codes.allSatisfy { ($0.attribute("color") ?? "").wholeMatch(of: /#[0-9A-F]{6}/) != nil })
        // Codes take their theme's colour; the two themes differ.
        #expect(codes[0].attribute("color") == themes[0].attribute("color"))
        #expect(codes[2].attribute("color") == themes[1].attribute("color"))
        #expect(themes[0].attribute("color") != themes[1].attribute("color"))

        let description = try #require(codes[0].elementChildren.first { $0.localName == "Description" }).textContent
        #expect(description.contains("id: depression"))
        #expect(description.contains("label en: Depression"))
        #expect(description.contains("terms: 抑郁; depress*"))
        #expect(description.contains("exclude: great depression"))

        // English first when asked.
        let english = try XMLTree(xml: try QDACodebookWriter(labelLanguages: ["en"]).codebookFile(for: codebook))
        let englishNames = try english.evaluate("//q:Code/@name", namespaces: Self.codebookNamespace).nodes.map(\.textContent)
        #expect(englishNames.prefix(2) == ["Mental health issues", "Depression"])
    }

    @Test func theSameCodebookGivesTheSameBytes() throws {
        let first = try QDACodebookWriter().codebookFile(for: try TestSupport.codebook(Self.codebookYAML))
        let second = try QDACodebookWriter().codebookFile(for: try TestSupport.codebook(Self.codebookYAML))
        #expect(first == second)
        #expect(throws: ExportError.emptyCodebook) {
            try QDACodebookWriter().codebookFile(for: Codebook(name: "empty", themes: []))
        }
    }

    @Test func forbiddenCharactersNeverReachTheXML() throws {
        let writer = try XMLWriter()
        writer.startElement("a")
        writer.attribute("name", "line\nbreak\u{0B}tab\t")
        writer.text("form\u{0C}feed & <tag>\u{0}")
        writer.endElement()
        let tree = try XMLTree(xml: try writer.finish())
        let root = try #require(tree.root)
        // Line breaks and tabs in attributes survive a re-read; forbidden controls become U+FFFD.
        #expect(root.attribute("name") == "line\nbreak\u{FFFD}tab\t")
        #expect(root.textContent == "form\u{FFFD}feed & <tag>\u{FFFD}")
    }

    // MARK: - Project

    /// Two transcripts in one case and a questionnaire answer in another, analyzed for real.
    static func corpus() throws -> (codebook: Codebook, documents: [Document], matches: [Match]) {
        let codebook = try TestSupport.codebook(codebookYAML)
        let matcher = try Matcher(codebook: codebook, normalization: NormalizationOptions(), classifier: TestSupport.classifier)
        let analyzer = try DocumentAnalyzer(matcher: matcher)
        let turns = [
            ("访谈者", SpeakerRole.interviewer, "孩子们有抑郁或焦虑吗？"),
            ("受访者", SpeakerRole.respondent, "有的，很多孩子焦虑 😟，我们做心理咨询。Some are depressed and anxious."),
        ]
        var text = ""
        var segments: [Segment] = []
        for (speaker, role, words) in turns {
            text += "\(speaker)："
            segments.append(Segment(speaker: speaker, role: role, text: words, start: text.unicodeScalars.count))
            text += words + "\n"
        }
        let documents = [
            Document(
                id: "2024/p01.txt", caseID: "P01", source: "2024/p01.txt", format: .text, encoding: "UTF-8",
                metadata: ["year": "2024", "organization": "向日葵 & <中心>"], text: text, segments: segments),
            Document(
                id: "2021/p01.txt", caseID: "P01", source: "2021/p01.txt", format: .text, encoding: "UTF-8",
                metadata: ["year": "2021", "organization": "向日葵 & <中心>"], text: "抑鬱，great depression。",
                segments: [Segment(text: "抑鬱，great depression。", start: 0)]),
            Document(
                id: "survey.csv#row-2", caseID: "P02", source: "survey.csv", format: .csv, encoding: "UTF-8",
                metadata: ["year": "2024", "序号": "007"], text: "压力大", segments: [Segment(text: "压力大", start: 0)]),
        ]
        var matches: [Match] = []
        for (index, document) in documents.enumerated() {
            matches += try analyzer.analyze(document, index: index).matches
        }
        return (codebook, documents, matches)
    }

    /// The archive's entries read back from the file through the zip reader.
    static func unzip(_ url: URL) throws -> [String: [UInt8]] {
        let reader = try ZipArchiveReader(bytes: [UInt8](try Data(contentsOf: url)), path: url.path)
        var entries: [String: [UInt8]] = [:]
        for name in reader.entryNames { entries[name] = try reader.bytes(of: name) }
        return entries
    }

    @Test func projectValidatesAndEverySelectionCutsOutItsMatch() throws {
        let (codebook, documents, matches) = try Self.corpus()
        #expect(matches.count >= 5)
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("project.qdpx")
        let writer = QDAProjectWriter(codebook: codebook, name: "test")
        try writer.write(documents: documents, matches: matches, to: archive.path)

        let entries = try Self.unzip(archive)
        let projectBytes = try #require(entries["project.qde"])
        let tree = try XMLTree(xml: projectBytes)
        let validation = try tree.validate(againstSchemaAt: Self.schemas.appendingPathComponent("Project.xsd").path)
        #expect(validation.isValid, "\(validation.firstProblem ?? "") at line \(validation.firstProblemLine ?? 0)")

        // One lower-case sources/GUID.txt per document, each the extracted text.
        let sourceNames = entries.keys.filter { $0 != "project.qde" }.sorted()
        #expect(sourceNames.count == documents.count)
        #expect(sourceNames.allSatisfy { $0.hasPrefix("sources/") && $0.hasSuffix(".txt") })
        let ns = Self.projectNamespace
        let sources = try tree.evaluate("//q:Sources/q:TextSource", namespaces: ns).nodes
        #expect(sources.map { $0.attribute("name") } == documents.map(\.id))

        let codeGUIDs = Set(try tree.evaluate("//q:CodeBook//q:Code[@isCodable='true']/@guid", namespaces: ns).nodes.map(\.textContent))
        let userGUID = try #require(tree.evaluate("//q:Users/q:User/@guid", namespaces: ns).nodes.first).textContent
        var found: [String] = []
        for (index, source) in sources.enumerated() {
            let guid = try #require(source.attribute("guid"))
            #expect(Self.isDerivedGUID(guid))
            #expect(source.attribute("plainTextPath") == "internal://\(guid).txt")
            let text = try #require(entries["sources/\(guid).txt"])
            #expect(text == Array(documents[index].text.utf8))
            let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
            for selection in try tree.evaluate("q:PlainTextSelection", from: source, namespaces: ns).nodes {
                let start = try #require(Int(selection.attribute("startPosition") ?? ""))
                let end = try #require(Int(selection.attribute("endPosition") ?? ""))
                let cut = String(String.UnicodeScalarView(scalars[start..<end]))
                #expect(selection.attribute("name") == cut)
                #expect(selection.attribute("creatingUser") == userGUID)
                for coding in try tree.evaluate("q:Coding", from: selection, namespaces: ns).nodes {
                    let target = try #require(tree.evaluate("q:CodeRef/@targetGUID", from: coding, namespaces: ns).nodes.first).textContent
                    #expect(codeGUIDs.contains(target), "CodeRef \(target) names no codable code")
                    let code = try #require(codebook.codes.first { QDACodebookWriter.guid(ofCode: $0.code.id).description == target })
                    found.append("\(index) \(start) \(end) \(cut) \(code.code.id)")
                }
            }
        }
        // Exactly the analysis: one coding per match and credited code, at the same offsets, with the same surface.
        let expected = matches.flatMap { match in
            match.credits.map { "\(match.document) \(match.start) \(match.end) \(match.surface) \(codebook.codes[$0.code].code.id)" }
        }
        #expect(found.sorted() == expected.sorted())
        #expect(found.contains("1 0 2 抑鬱 depression"))
        // The exclusion holds in the project too: "great depression" is not coded.
        #expect(!found.contains { $0.contains("great depression") })
    }

    @Test func casesAndVariablesCarryTheMetadata() throws {
        let (codebook, documents, matches) = try Self.corpus()
        let entries = try QDAProjectWriter(codebook: codebook, name: "test").entries(documents: documents, matches: matches)
        let tree = try XMLTree(xml: entries[0].bytes)
        let ns = Self.projectNamespace
        let variables = try tree.evaluate("//q:Variables/q:Variable", namespaces: ns).nodes
        let types = Dictionary(uniqueKeysWithValues: variables.map { ($0.attribute("name")!, $0.attribute("typeOfVariable")!) })
        #expect(types == ["organization": "Text", "year": "Integer", "序号": "Text"])

        let cases = try tree.evaluate("//q:Cases/q:Case", namespaces: ns).nodes
        #expect(cases.map { $0.attribute("name") } == ["P01", "P02"])
        #expect(cases[0].attribute("guid") == QDAProjectWriter.guid(ofCase: "P01").description)
        let sourceRefs = try tree.evaluate("q:SourceRef/@targetGUID", from: cases[0], namespaces: ns).nodes.map(\.textContent)
        #expect(sourceRefs == ["2024/p01.txt", "2021/p01.txt"].map { QDAProjectWriter.guid(ofDocument: $0).description })
        // organization is one value per case: a case variable; year differs inside P01: a document variable.
        let organizationGUID = QDAProjectWriter.guid(ofVariable: "organization").description
        let caseValue = try tree.evaluate(
            "q:VariableValue[q:VariableRef/@targetGUID='\(organizationGUID)']/q:TextValue", from: cases[0], namespaces: ns)
        #expect(caseValue.nodes.map(\.textContent) == ["向日葵 & <中心>"])
        let yearGUID = QDAProjectWriter.guid(ofVariable: "year").description
        let years = try tree.evaluate(
            "//q:TextSource/q:VariableValue[q:VariableRef/@targetGUID='\(yearGUID)']/q:IntegerValue", namespaces: ns)
        #expect(years.nodes.map(\.textContent) == ["2024", "2021", "2024"])
        // 序号 has one value per case (none in P01): a case variable, and 007 stays text, so no digit is lost.
        let numberGUID = QDAProjectWriter.guid(ofVariable: "序号").description
        let numbers = try tree.evaluate(
            "//q:Case/q:VariableValue[q:VariableRef/@targetGUID='\(numberGUID)']/q:TextValue", namespaces: ns)
        #expect(numbers.nodes.map(\.textContent) == ["007"])
    }

    @Test func turnsCoverTheWholeSegmentOnce() throws {
        let (codebook, documents, matches) = try Self.corpus()
        let entries = try QDAProjectWriter(codebook: codebook, unit: .turn, name: "test").entries(documents: documents, matches: matches)
        let tree = try XMLTree(xml: entries[0].bytes)
        let validation = try tree.validate(againstSchemaAt: Self.schemas.appendingPathComponent("Project.xsd").path)
        #expect(validation.isValid, "\(validation.firstProblem ?? "")")
        let ns = Self.projectNamespace
        let source = try #require(tree.evaluate("//q:TextSource", namespaces: ns).nodes.first)
        let selections = try tree.evaluate("q:PlainTextSelection", from: source, namespaces: ns).nodes
        let segments = documents[0].segments
        #expect(selections.map { Int($0.attribute("startPosition")!)! } == segments.map(\.start))
        #expect(selections.map { Int($0.attribute("endPosition")!)! } == segments.map { $0.start + $0.text.unicodeScalars.count })
        #expect(selections.map { $0.attribute("name") } == ["访谈者", "受访者"])
        // The respondent turn has anxiety twice and depression and counselling once: each code once.
        let targets = try tree.evaluate("q:Coding/q:CodeRef/@targetGUID", from: selections[1], namespaces: ns).nodes.map(\.textContent)
        #expect(targets == ["depression", "anxiety", "counselling"].map { QDACodebookWriter.guid(ofCode: $0).description })
    }

    @Test func sentencesCoverTheSentenceHoldingEachMatch() throws {
        let (codebook, documents, matches) = try Self.corpus()
        let entries = try QDAProjectWriter(codebook: codebook, unit: .sentence, name: "test")
            .entries(documents: documents, matches: matches)
        let tree = try XMLTree(xml: entries[0].bytes)
        #expect(try tree.validate(againstSchemaAt: Self.schemas.appendingPathComponent("Project.xsd").path).isValid)
        let ns = Self.projectNamespace
        let source = try #require(tree.evaluate("//q:TextSource", namespaces: ns).nodes.first)
        let scalars = Array(documents[0].text.unicodeScalars)
        var cut: [String: [String]] = [:]
        for selection in try tree.evaluate("q:PlainTextSelection", from: source, namespaces: ns).nodes {
            let start = Int(selection.attribute("startPosition")!)!
            let end = Int(selection.attribute("endPosition")!)!
            let codes = try tree.evaluate("q:Coding/q:CodeRef/@targetGUID", from: selection, namespaces: ns).nodes.map(\.textContent)
            cut[String(String.UnicodeScalarView(scalars[start..<end]))] = codes
        }
        let guid = { (id: String) in QDACodebookWriter.guid(ofCode: id).description }
        #expect(
            cut == [
                "孩子们有抑郁或焦虑吗？": [guid("depression"), guid("anxiety")],
                "有的，很多孩子焦虑 😟，我们做心理咨询。": [guid("anxiety"), guid("counselling")],
                "Some are depressed and anxious.": [guid("depression"), guid("anxiety")],
            ])
    }

    @Test func aSecondExportIsIdentical() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var archives: [[UInt8]] = []
        for name in ["first.qdpx", "second.qdpx"] {
            let (codebook, documents, matches) = try Self.corpus()
            let url = folder.appendingPathComponent(name)
            try QDAProjectWriter(codebook: codebook, name: "test").write(documents: documents, matches: matches, to: url.path)
            archives.append([UInt8](try Data(contentsOf: url)))
        }
        #expect(archives[0] == archives[1])
        // Replacing an existing archive leaves no temporary file behind.
        let (codebook, documents, matches) = try Self.corpus()
        try QDAProjectWriter(codebook: codebook, name: "test").write(
            documents: documents, matches: matches, to: folder.appendingPathComponent("first.qdpx").path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["first.qdpx", "second.qdpx"])
    }

    @Test func aFailedWriteKeepsTheEarlierFile() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("codebook.qdc")
        try OutputFile(path: file.path).write(Array("first".utf8))
        struct Interrupted: Error {}
        #expect(throws: OutputError.self) {
            try OutputFile(path: file.path).write { url in
                try Data("half".utf8).write(to: url)
                throw Interrupted()
            }
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "first")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["codebook.qdc"])
        #expect(throws: OutputError.writeFailed(path: folder.path, reason: "it is a folder")) {
            try OutputFile(path: folder.path).write(Array("x".utf8))
        }
    }

    @Test func repeatedDocumentIdsGetTheirOwnSources() throws {
        let (codebook, documents, matches) = try Self.corpus()
        let twice = [documents[0], documents[0]]
        let again = matches.filter { $0.document == 0 }.map { match in
            var copy = match
            copy.document = 1
            return copy
        }
        let entries = try QDAProjectWriter(codebook: codebook, name: "test")
            .entries(documents: twice, matches: matches.filter { $0.document == 0 } + again)
        #expect(entries.count == 3)
        #expect(Set(entries.map(\.path)).count == 3)
        let tree = try XMLTree(xml: entries[0].bytes)
        let guids = try tree.evaluate("//@guid", namespaces: Self.projectNamespace).nodes.map(\.textContent)
        #expect(Set(guids).count == guids.count, "every GUID in a project is unique")
    }

    @Test func aMatchOutsideItsTextIsRefused() throws {
        let (codebook, documents, matches) = try Self.corpus()
        var broken = matches[0]
        broken.document = 2
        broken.start = 2
        broken.end = 9
        #expect(throws: ExportError.matchOutsideText(document: "survey.csv#row-2", start: 2, end: 9, length: 3)) {
            try QDAProjectWriter(codebook: codebook, name: "test").entries(documents: documents, matches: [broken])
        }
    }

    // MARK: - Command line

    static let repositoryRoot = TestSupport.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func exportQDCWritesTheDefaultCodebook() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [[UInt8]] = []
        for name in ["a.qdc", "b.qdc"] {
            let run = try EndToEndTests.run(
                ["export", "qdc", "--lexicon", "lexicons/children-mental-health.yaml", "--out", folder.appendingPathComponent(name).path],
                in: Self.repositoryRoot)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardError.contains("codebook written to"))
            files.append([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
        }
        #expect(files[0] == files[1])
        let tree = try XMLTree(xml: files[0])
        #expect(try tree.validate(againstSchemaAt: Self.schemas.appendingPathComponent("Codebook.xsd").path).isValid)
        let codebook = try CodebookLoader(classifier: TestSupport.classifier)
            .load(path: Self.repositoryRoot.appendingPathComponent("lexicons/children-mental-health.yaml").path).codebook
        let codable = try tree.evaluate("/q:CodeBook/q:Codes/q:Code/q:Code[@isCodable='true']/@guid", namespaces: Self.codebookNamespace)
        #expect(codable.nodes.map(\.textContent) == codebook.codes.map { QDACodebookWriter.guid(ofCode: $0.code.id).description })

        let wrongName = try EndToEndTests.run(
            ["export", "qdc", "--lexicon", "lexicons/children-mental-health.yaml", "--out", folder.appendingPathComponent("c.xml").path],
            in: Self.repositoryRoot)
        #expect(wrongName.status != 0)
        #expect(wrongName.standardError.contains(".qdc"))
    }

    @Test func exportQDPXCodesTheSampleCorpusAsMatchesCSVDoes() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var archives: [URL] = []
        for name in ["a.qdpx", "b.qdpx"] {
            let url = folder.appendingPathComponent(name)
            let run = try EndToEndTests.run(
                [
                    "export", "qdpx", "--manifest", "transcripts/manifest.csv", "--lexicon",
                    "lexicons/children-mental-health.yaml", "--out", url.path, "--jobs", "2", "--name", "sample",
                ],
                in: Self.repositoryRoot)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardError.contains("project written to"))
            archives.append(url)
        }
        #expect(try Data(contentsOf: archives[0]) == Data(contentsOf: archives[1]), "a second export must be identical")

        let entries = try Self.unzip(archives[0])
        let tree = try XMLTree(xml: try #require(entries["project.qde"]))
        let validation = try tree.validate(againstSchemaAt: Self.schemas.appendingPathComponent("Project.xsd").path)
        #expect(validation.isValid, "\(validation.firstProblem ?? "") at line \(validation.firstProblemLine ?? 0)")
        #expect(tree.root?.attribute("name") == "sample")

        // Every coding is a row of the committed matches.csv (which EndToEndTests keeps current), and back.
        let csv = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("results/matches.csv"), encoding: .utf8)
        let records = try CSVParser().records(in: csv)
        let header = records[0].fields
        let column = { (name: String) in header.firstIndex(of: name)! }
        let expected = records.dropFirst().map { record in
            ["document", "start", "end", "surface", "code"].map { record.fields[column($0)] }.joined(separator: "|")
        }
        let ns = Self.projectNamespace
        let codeIDs = Dictionary(
            uniqueKeysWithValues: try CodebookLoader(classifier: TestSupport.classifier)
                .load(path: Self.repositoryRoot.appendingPathComponent("lexicons/children-mental-health.yaml").path)
                .codebook.codes.map { (QDACodebookWriter.guid(ofCode: $0.code.id).description, $0.code.id) })
        var found: [String] = []
        let sources = try tree.evaluate("//q:TextSource", namespaces: ns).nodes
        #expect(sources.count == entries.count - 1)
        for source in sources {
            let guid = try #require(source.attribute("guid"))
            let text = Array(String(decoding: try #require(entries["sources/\(guid).txt"]), as: UTF8.self).unicodeScalars)
            for selection in try tree.evaluate("q:PlainTextSelection", from: source, namespaces: ns).nodes {
                let start = try #require(Int(selection.attribute("startPosition") ?? ""))
                let end = try #require(Int(selection.attribute("endPosition") ?? ""))
                let surface = String(String.UnicodeScalarView(text[start..<end]))
                for target in try tree.evaluate("q:Coding/q:CodeRef/@targetGUID", from: selection, namespaces: ns).nodes {
                    let code = try #require(codeIDs[target.textContent])
                    found.append([source.attribute("name")!, String(start), String(end), surface, code].joined(separator: "|"))
                }
            }
        }
        #expect(found.count == expected.count)
        #expect(found.sorted() == expected.sorted())
        // The manifest's columns arrive as variables.
        let variables = try tree.evaluate("//q:Variable/@name", namespaces: ns).nodes.map(\.textContent)
        #expect(variables.contains("year") && variables.contains("organization"))
    }

    @Test func exportQDPXOfARunFolderIsTheProjectOfItsInputs() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let analyze = try EndToEndTests.run(["analyze", "sample", "--lexicon", "codebook.yaml", "--out", "run"], in: folder)
        #expect(analyze.status == 0)
        let fromRun = try EndToEndTests.run(
            ["export", "qdpx", "run", "--out", "from-run.qdpx", "--name", "p"], in: folder)
        #expect(fromRun.status == 0, "\(fromRun.standardError)")
        #expect(fromRun.standardError.contains("exporting the run in run: 4 file(s) unchanged since it was made"))
        let fromInputs = try EndToEndTests.run(
            ["export", "qdpx", "sample", "--lexicon", "codebook.yaml", "--out", "from-inputs.qdpx", "--name", "p"],
            in: folder)
        #expect(fromInputs.status == 0)
        let first = try Data(contentsOf: folder.appendingPathComponent("from-run.qdpx"))
        let second = try Data(contentsOf: folder.appendingPathComponent("from-inputs.qdpx"))
        #expect(first == second, "a run folder exports what its inputs export")

        // From another working folder, relative paths still resolve through run.json.
        let elsewhere = try EndToEndTests.run(
            ["export", "qdpx", folder.appendingPathComponent("run").path, "--out", "elsewhere.qdpx", "--name", "p"],
            in: folder.appendingPathComponent("sample"))
        #expect(elsewhere.status == 0, "\(elsewhere.standardError)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("sample/elsewhere.qdpx")) == first)

        // A shard's folder holds part of a run only.
        #expect(try EndToEndTests.run(
            ["analyze", "sample", "--lexicon", "codebook.yaml", "--shard", "1/2", "--out", "shard"], in: folder).status == 0)
        let shard = try EndToEndTests.run(["export", "qdpx", "shard", "--out", "shard.qdpx"], in: folder)
        #expect(shard.status != 0)
        #expect(shard.standardError.contains("shard: it holds shard 1/2 of a run"))

        // A run.json of a newer format is refused with the format found.
        let newer = folder.appendingPathComponent("newer")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("run"), to: newer)
        let runJSON = newer.appendingPathComponent("run.json")
        let text = try EndToEndTests.read(runJSON).replacingOccurrences(of: "\"format\" : 1,", with: "\"format\" : 99,")
        try Data(text.utf8).write(to: runJSON)
        let refused = try EndToEndTests.run(["export", "qdpx", "newer", "--out", "newer.qdpx"], in: folder)
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("newer: run.json has format 99; this version reads up to 1"))

        // An input changed since the run is refused by name.
        try Data("访谈者：改过了。".utf8).write(to: folder.appendingPathComponent("sample/p02-hk.txt"))
        let changed = try EndToEndTests.run(["export", "qdpx", "run", "--out", "changed.qdpx"], in: folder)
        #expect(changed.status != 0)
        #expect(changed.standardError.contains("sample/p02-hk.txt has changed since the run"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("changed.qdpx").path))
    }

    @Test func exportQDPXRefusesAResultsFolderWithoutProvenance() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("p.qdpx")
        let old = folder.appendingPathComponent("old")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        for name in ["codes.csv", "matches.csv", "documents.csv"] {
            try Data("x\r\n".utf8).write(to: old.appendingPathComponent(name))
        }
        let run = try EndToEndTests.run(
            ["export", "qdpx", old.path, "--lexicon", "lexicons/children-mental-health.yaml", "--out", out.path],
            in: Self.repositoryRoot)
        #expect(run.status != 0)
        #expect(run.standardError.contains("this is an analyze results folder without run.json"))
        #expect(run.standardError.contains("(run format version found: none)"))
        #expect(!FileManager.default.fileExists(atPath: out.path))

        // A shard's folder records its format version, which is named.
        let partial = folder.appendingPathComponent("partial")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        try Data(#"{"format_version": 7, "shard": "1/3"}"#.utf8).write(to: partial.appendingPathComponent("partial.json"))
        let versioned = try EndToEndTests.run(
            ["export", "qdpx", partial.path, "--lexicon", "lexicons/children-mental-health.yaml", "--out", out.path],
            in: Self.repositoryRoot)
        #expect(versioned.status != 0)
        #expect(versioned.standardError.contains("(run format version found: 7)"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
