import Foundation
import Testing

@testable import ThemeScanKit

/// A workbook's sheet is read whole and its rows made into documents a batch at a time (`SheetRows`): its batches
/// must give what reading the workbook whole gives, documents and messages, whatever the batch size, and a
/// workbook the whole reading refuses must be refused the same way.
@Suite struct SheetRowsTests {
    /// Every batch of `source` through the loader, and its warnings.
    static func batched(
        _ source: DocumentSource, options: IngestionOptions, batchSize: Int
    ) throws(IngestionError) -> (documents: [Document], warnings: [String], streamed: Bool) {
        var batches = try DocumentLoader(options: options).batches(source, batchSize: batchSize)
        var documents: [Document] = []
        while let batch = try batches.next() {
            #expect(!batch.isEmpty && batch.count <= batchSize)
            documents += batch
        }
        return (documents, batches.warnings.map(\.description), batches.isStreamed)
    }

    /// Expects the batches of the file at `path` to give what `load` gives, or to fail with its error.
    static func expectBatchesReadAsWhole(_ path: String, options: IngestionOptions, batchSizes: [Int] = [1, 3, 1000]) {
        let source = DocumentSource(path: path, id: (path as NSString).lastPathComponent)
        let whole = Result { () throws(IngestionError) in try DocumentLoader(options: options).load(source) }
        for batchSize in batchSizes {
            let batched = Result { () throws(IngestionError) in try Self.batched(source, options: options, batchSize: batchSize) }
            switch (whole, batched) {
            case (.success(let whole), .success(let batched)):
                #expect(batched.streamed, "\(path)")
                #expect(batched.documents == whole.documents, "\(path) \(options) in batches of \(batchSize)")
                #expect(batched.warnings == whole.warnings.map(\.description), "\(path) \(options)")
            case (.failure(let expected), .failure(let error)):
                #expect(error == expected, "\(path) \(options)")
            default:
                Issue.record("\(path) \(options) in batches of \(batchSize): whole \(whole), batched \(batched)")
            }
        }
    }

    @Test func workbooksInBatchesAreReadAsWhole() throws {
        let workbooks = [
            "tables/wenjuanxing.xlsx", "office/inline.xlsx", "office/bad-shared-string.xlsx", "office/survey.xlsx",
        ].map { TestSupport.fixtures.appendingPathComponent($0).path }
            + [TestSupport.repository.appendingPathComponent("transcripts/2024/questionnaire-2024-wjx-export.xlsx").path]
        let optionSets = [
            IngestionOptions(),
            IngestionOptions(textColumns: ["C"]),
            IngestionOptions(textColumns: ["2", "3"], caseColumn: "1"),
            IngestionOptions(sheet: "2"),
            // A column that is not there: refused by the first batch, as by the whole reading.
            IngestionOptions(textColumns: ["no such column"]),
            IngestionOptions(caseColumn: "ZZ"),
        ]
        for path in workbooks {
            for options in optionSets { Self.expectBatchesReadAsWhole(path, options: options) }
        }
    }

    @Test func sheetsOfManyBlocksAreReadAsWhole() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = MatcherPropertyTests.Generator(state: 2_026_113_0)
        let pieces = StreamedExportTests.pieces.filter { !["\"", "\r"].contains($0) }
        func answer(_ row: Int) -> String {
            // Some rows have no answer, and are left out as the whole reading leaves them out.
            guard generator.next(13) != 0 else { return "" }
            return "第\(row)位家长反映孩子" + (0..<generator.next(5)).map { _ in pieces[generator.next(pieces.count)] }.joined()
        }
        // More rows than the column choice samples and than a block holds, in an XLSX and an HTML-table .xls.
        let count = TextColumnRule().sampleRows + SheetRows.blockRows + 17
        var rows = #"<row r="1"><c t="inlineStr"><is><t>编号</t></is></c><c t="inlineStr"><is><t>回答</t></is></c></row>"#
        var table = "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>编号</td><td>回答</td></tr>"
        for row in 0..<count {
            let text = answer(row).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            rows += #"<row r="\#(row + 2)"><c><v>\#(row)</v></c><c t="inlineStr"><is><t xml:space="preserve">\#(text)</t></is></c></row>"#
            table += "<tr><td>\(row)</td><td>\(text)</td></tr>"
        }
        table += "</table></body></html>"
        let workbook = folder.appendingPathComponent("many.xlsx")
        try Data(try HostileArchiveTests.xlsx(rows: rows, strings: [])).write(to: workbook)
        let page = folder.appendingPathComponent("many.xls")
        try Data(table.utf8).write(to: page)
        for path in [workbook.path, page.path] {
            Self.expectBatchesReadAsWhole(path, options: IngestionOptions(), batchSizes: [4096, 10_000])
            Self.expectBatchesReadAsWhole(path, options: IngestionOptions(textColumns: ["B"], caseColumn: "A"), batchSizes: [777])
            let documents = try Self.batched(DocumentSource(path: path, id: "many"), options: IngestionOptions(), batchSize: 500)
            #expect(documents.documents.count > count * 4 / 5)
        }
    }

    @Test func unreadableWorkbooksAreSkippedAsWhole() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = try Data(contentsOf: TestSupport.fixtures.appendingPathComponent("office/survey.xlsx"))
        let cases: [(String, Data)] = [
            ("truncated.xlsx", valid.prefix(valid.count / 2)),
            ("not-a-workbook.xlsx", Data("PK\u{3}\u{4}not really".utf8)),
            ("binary.xls", Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))),
        ]
        for (name, bytes) in cases {
            let url = folder.appendingPathComponent(name)
            try bytes.write(to: url)
            let source = DocumentSource(path: url.path, id: name)
            #expect(throws: IngestionError.self, "\(name)") { try DocumentLoader().load(source) }
            Self.expectBatchesReadAsWhole(url.path, options: IngestionOptions())
        }
    }
}
