import Foundation
import Testing

@testable import ThemeScanKit

/// A run's document summaries, set aside in a file once there are many, read back as they were.
@Suite struct DocumentSummaryFileTests {
    /// Summaries with everything a record holds: speakers of each role, metadata shared by rows and of files, none,
    /// a value larger than a piece of the file, text in several scripts, and large counts.
    static func summaries() -> [DocumentSummary] {
        let rowNames = DocumentMetadata.Names(["年份", "渠道", "note"])
        var summaries: [DocumentSummary] = []
        for row in 0..<40 {
            summaries.append(
                DocumentSummary(
                    id: "问卷.csv#row-\(row + 2)", caseID: row % 3 == 0 ? "项目 \(row)" : "", source: "/data/问卷.csv",
                    format: .csv, encoding: "GB18030", characters: row * 1_000, tokens: row, speakers: [],
                    segments: 1, metadata: DocumentMetadata(names: rowNames, values: ["202\(row % 5)", "微信", "é\u{301}"])))
        }
        summaries.insert(
            DocumentSummary(
                id: "访谈-01.txt", caseID: "向日葵", source: "访谈-01.txt", format: .text, encoding: "UTF-8",
                characters: Int(Int32.max) * 4, tokens: 1 << 40,
                speakers: [
                    SpeakerSummary(label: "访谈者", role: .interviewer), SpeakerSummary(label: "A", role: .respondent),
                    SpeakerSummary(label: "", role: .unknown),
                ],
                segments: 12, metadata: ["year": "2024", "program": String(repeating: "长", count: 200_000)]),
            at: 7)
        summaries.insert(
            DocumentSummary(
                id: "", caseID: "", source: "", format: .xml, encoding: "", characters: 0, tokens: 0, segments: 0),
            at: 20)
        summaries.append(
            DocumentSummary(
                id: "b.docx", caseID: "b", source: "b.docx", format: .docx, encoding: "UTF-8", characters: 3, tokens: 1,
                metadata: ["year": "2021", "program": "b"]))
        return summaries
    }

    static func written(_ summaries: [DocumentSummary], held: Int, in folder: URL) throws -> DocumentSummaries {
        let writer = DocumentSummaryWriter(heldDocuments: held, folder: folder.path)
        for summary in summaries { try writer.append(summary) }
        #expect(writer.count == summaries.count)
        return try writer.finish()
    }

    @Test(arguments: [0, 1, 39])
    func setAsideSummariesReadBackAsTheyWere(held: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summaries = Self.summaries()
        let read = try Self.written(summaries, held: held, in: folder)
        #expect(read.isSetAside)
        #expect(read.count == summaries.count)
        #expect(Array(read) == summaries)
        // Out of order too, as the report's passages ask for their documents.
        for index in read.indices.reversed() { #expect(read[index] == summaries[index], "document \(index)") }
        // The file went from its folder when it was made.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func rowsStillShareOneListOfNames() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let read = try Self.written(Self.summaries(), held: 0, in: folder)
        let rows = read.filter { $0.format == .csv }
        #expect(rows.count == 40)
        #expect(rows.allSatisfy { $0.metadata.sharesNames(with: rows[0].metadata) })
        // Files with the same names, each made with its own list, come back with one.
        let files = read.filter { $0.metadata.keys == ["program", "year"] }
        #expect(files.count == 2)
        #expect(files[0].metadata.sharesNames(with: files[1].metadata))
    }

    @Test func fewSummariesStayInMemory() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let summaries = Self.summaries()
        let read = try Self.written(summaries, held: summaries.count, in: folder)
        #expect(!read.isSetAside)
        #expect(Array(read) == summaries)
    }

    @Test func readersTakingTurnsEachReadInOrder() async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Enough records for many pieces of the file, read by more readers at once than pieces are kept.
        let many = (0..<30).flatMap { round in
            Self.summaries().map { summary in
                var renamed = summary
                renamed.id += "/\(round)"
                return renamed
            }
        }
        let read = try Self.written(many, held: 0, in: folder)
        let results = await withTaskGroup(of: Bool.self) { group in
            for reader in 0..<6 {
                group.addTask {
                    let order = reader % 2 == 0 ? Array(read.indices) : read.indices.reversed()
                    return order.allSatisfy { read[$0] == many[$0] }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 6))
    }

    @Test func aFolderThatCannotTakeTheFileIsNamed() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("gone")
        let writer = DocumentSummaryWriter(heldDocuments: 1, folder: missing.path)
        let summaries = Self.summaries()
        try writer.append(summaries[0])
        #expect {
            try writer.append(summaries[1])
        } throws: { error in
            guard case TextError.setAsideUnwritten(let path, let reason) = error else { return false }
            return path.hasPrefix(missing.path + "/") && reason.contains("No such file")
        }
    }

    /// Every output of a run whose summaries and cases were set aside, and whose rows were counted as finished cases,
    /// is the same as when its summaries were held and its cases kept by name.
    @Test(arguments: [nil, "program"])
    func aRunWritesTheSameOutputsWhetherItsDocumentsWereSetAside(caseColumn: String?) async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "id,program,year,answer\n"
        for row in 0..<30 {
            csv += row % 7 == 6 ? "\(row),项目\(row % 4),2020,没什么\n" : "\(row),项目\(row % 4),202\(row % 3),孩子有点抑郁，老师说有欺凌 \(row)\n"
        }
        try csv.write(to: folder.appendingPathComponent("survey.csv"), atomically: true, encoding: .utf8)
        try "访谈者：最近怎么样？\n受访者：孩子抑郁，我们做了个案管理。\n".write(
            to: folder.appendingPathComponent("interview.txt"), atomically: true, encoding: .utf8)
        let sources = [
            DocumentSource(path: folder.appendingPathComponent("interview.txt").path, id: "interview.txt"),
            DocumentSource(path: folder.appendingPathComponent("survey.csv").path, id: "survey.csv"),
        ]
        let matcher = try TestSupport.matcher(
            codes: [("depression", ["抑郁"], []), ("bullying", ["欺凌"], []), ("case-management", ["个案管理"], [])])
        var outputs: [[String: Data]] = []
        for (held, minimum) in [(4096, nil), (1, 1)] as [(Int, Int?)] {
            var analyzer = CorpusAnalyzer(
                matcher: matcher, loader: DocumentLoader(options: IngestionOptions(caseColumn: caseColumn)), jobs: 2,
                wordList: WordListSettings())
            analyzer.heldSummaries = held
            analyzer.heldFinishedCaseBytes = held == 1 ? 1 : 4 << 20
            analyzer.heldCaseBytes = held == 1 ? 1 : 8 << 20
            analyzer.caseMinimum = minimum
            analyzer.spillFolder = folder.path
            analyzer.samplesPerCode = 3
            analyzer.partDocuments = 4
            let result = try await analyzer.analyze(sources)
            #expect(result.documents.isSetAside == (held == 1))
            // Rows are finished cases only without a case column; with one, the cases kept by name are set aside.
            #expect(result.tally.caseCodeOccurrences.setAside.isEmpty == (held != 1))
            #expect(result.tally.caseCodeOccurrences.casesRepeat == (held == 1 && caseColumn != nil))
            #expect(result.tally.caseWords.heldCaseBytes == 0 || held != 1)
            let target = folder.appendingPathComponent("out-\(held)")
            let staging = try OutputDirectory(path: target.path, ownedNames: RunOutputs.fileNames).begin()
            try await (try RunOutputs(
                tables: result.tables(options: TableOptions()),
                facts: ReportRunFacts(toolVersion: "t", date: "d", commandLine: "c", codebooks: []), warnings: []
            )).write(to: staging, samples: result.samples)
            try staging.commit()
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: target.path) {
                files[name] = try Data(contentsOf: target.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(outputs[0].keys.contains("documents.csv") && outputs[0].keys.contains("report.html"))
        #expect(outputs[0].keys.sorted() == outputs[1].keys.sorted())
        for name in outputs[0].keys.sorted() { #expect(outputs[0][name] == outputs[1][name], "\(name)") }
        let documents = String(decoding: outputs[1]["documents.csv"]!, as: UTF8.self)
        #expect(documents.contains(caseColumn == nil ? "survey.csv#row-31,survey.csv#row-31" : "survey.csv#row-31,项目1"))
        // Rows without a match are cases too, and cases are in order of their names.
        let cases = String(decoding: outputs[1]["case_codes.csv"]!, as: UTF8.self).split(whereSeparator: \.isNewline)
            .dropFirst()
        #expect(cases.count == (caseColumn == nil ? 31 : 5))
        #expect(cases.map { $0.split(separator: ",")[0] } == cases.map { $0.split(separator: ",")[0] }.sorted())
        if caseColumn == nil { #expect(cases.contains("survey.csv#row-8,0,0,0")) }
    }
}
