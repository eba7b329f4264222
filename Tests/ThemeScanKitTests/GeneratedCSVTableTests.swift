import Foundation
import Synchronization
import Testing

@testable import ThemeScanKit

/// Tables with a row per case or per document make each row when it is written, and write the same bytes as the
/// same table held whole; columns known to hold numbers spare the writers a pass over the rows.
@Suite struct GeneratedCSVTableTests {
    /// Counts the rows a generated table makes.
    final class RowCounter: Sendable {
        let made = Atomic<Int>(0)
    }

    static func table(counter: RowCounter, numberColumns: [Bool]) -> GeneratedCSVTable {
        GeneratedCSVTable(header: ["case", "depression", "bullying"], rowCount: 4, numberColumns: numberColumns) { index in
            counter.made.add(1, ordering: .relaxed)
            return ["P0\(index)", String(index * 3), String(index % 2)]
        }
    }

    @Test func generatedRowsWriteWhatHeldRowsWrite() throws {
        let counter = RowCounter()
        let generated = Self.table(counter: counter, numberColumns: [false, true, true])
        let held = generated.materialized()
        #expect(held.rows.count == 4)
        #expect(generated.bytes(byteOrderMark: true) == held.bytes(byteOrderMark: true))
        #expect(generated.json() == held.json())
        #expect(generated.json().contains("\"depression\": 9"))
        let sheet = CSVTableSheet(name: "case_codes", table: generated, textColumns: CSVTable.textHeaders)
        let heldSheet = CSVTableSheet(name: "case_codes", table: held, textColumns: CSVTable.textHeaders)
        #expect((0..<4).map(sheet.cells(ofRow:)) == (0..<4).map(heldSheet.cells(ofRow:)))
        #expect(sheet.cells(ofRow: 3) == [.text("P03"), .number(9), .number(1)])
    }

    @Test func knownNumberColumnsSpareAPassOverTheRows() {
        let counter = RowCounter()
        let known = Self.table(counter: counter, numberColumns: [false, true, true])
        _ = CSVTableSheet(name: "case_codes", table: known, textColumns: CSVTable.textHeaders)
        #expect(counter.made.load(ordering: .relaxed) == 0)
        _ = known.json()
        #expect(counter.made.load(ordering: .relaxed) == 4)
        // Without them, each writer reads every row once more to judge the columns.
        let unknownCounter = RowCounter()
        let unknown = Self.table(counter: unknownCounter, numberColumns: [])
        _ = CSVTableSheet(name: "case_codes", table: unknown, textColumns: CSVTable.textHeaders)
        _ = unknown.json()
        #expect(unknownCounter.made.load(ordering: .relaxed) == 12)
        #expect(unknown.json() == known.json())
    }

    /// A column declared to hold numbers still has to be one: a metadata column is judged by its values.
    @Test func undeclaredColumnsAreStillJudgedByTheirValues() {
        let table = GeneratedCSVTable(
            header: ["document", "tokens", "age", "school"], rowCount: 2, numberColumns: [false, true, false, false]
        ) { index in ["d\(index)", "10", index == 0 ? "12" : "", "第\(index)小学"] }
        let sheet = CSVTableSheet(name: "documents", table: table, textColumns: CSVTable.textHeaders)
        #expect(sheet.cells(ofRow: 0) == [.text("d0"), .number(10), .number(12), .text("第0小学")])
        #expect(table.json().contains("\"age\": null"))
    }

    @Test func runTablesWithARowPerCaseOrDocumentAreGenerated() throws {
        let tables = try ResearchTablesTests.twoCases().tables()
        let files = Dictionary(uniqueKeysWithValues: try tables.csvFiles().map { ($0.name, $0.table) })
        for name in ["case_codes.csv", "case_themes.csv", "documents.csv"] {
            #expect(files[name] is GeneratedCSVTable, "\(name)")
        }
        #expect(files["case_codes.csv"]!.rendered() == (try tables.caseCodesTable()).rendered())
        #expect(files["case_themes.csv"]!.rendered() == (try tables.caseThemesTable()).rendered())
        #expect(files["documents.csv"]!.rendered() == tables.documentsTable().rendered())
        #expect(files["codes.csv"] is CSVTable)
    }
}
