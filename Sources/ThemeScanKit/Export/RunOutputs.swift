/// Writes every output of a finished run but `matches.csv` (which is streamed as documents finish) and
/// `run.json`: the tables as CSV and JSON, the workbook, the clouds and the report, as the options select.
///
/// Everything written here depends only on the inputs and options, never on the clock, the output folder or the
/// number of threads, so two runs give the same bytes.
public struct RunOutputs: Sendable {
    public var tables: RunTables
    /// The run's warnings and errors as printed, for the report; shown sorted and once each, so a merged run's
    /// report lists them as a single run's does.
    public var warnings: [String]
    /// What the report says about how the run was made (no date: that is in `run.json`).
    public var facts: ReportRunFacts
    /// The run's cases (`RunTables.cases`), listed once for the case tables, the report and the caller's `run.json`:
    /// with a case per survey row, the list is as long as the export.
    public let cases: CaseList

    public init(tables: RunTables, facts: ReportRunFacts, warnings: [String]) throws(TextError) {
        self.tables = tables
        self.facts = facts
        self.warnings = Array(Set(warnings)).sorted()
        cases = try tables.cases
    }

    /// Every file name a run may write: an output folder holding only these may be replaced.
    public static let fileNames: Set<String> = {
        var names: Set<String> = [
            "matches.csv", RunProvenance.fileName, PartialResult.fileName, PartialResult.documentsFileName, workbookName, reportName, codeCloudName,
            wordCloudName, "compare.csv", "compare.json", "compare_words.csv", "compare_words.json", "compare.svg",
            "compare.html",
        ]
        for table in tableNames {
            names.insert(table + ".csv")
            names.insert(table + ".json")
        }
        return names
    }()

    public static let workbookName = "results.xlsx"
    public static let reportName = "report.html"
    public static let codeCloudName = "wordcloud.svg"
    public static let wordCloudName = "words.svg"

    /// The tables of `RunTables.csvFiles`, by base name.
    static let tableNames = [
        "codes", "terms", "case_codes", "case_themes", "wordcloud", "words", "cooccurrence", "documents",
    ]

    /// The tables the workbook holds, one sheet each, in this order.
    static let workbookTables = [
        "codes", "terms", "case_codes", "case_themes", "words", "cooccurrence", "documents",
    ]

    /// The sheet itself, or, when it is larger than Excel opens, a sheet that says so and points to its CSV file:
    /// a survey export with 100,000 columns carries them all into `documents` as metadata, and one oversized sheet
    /// must not fail a run whose CSV tables are fine.
    static func fittingExcel(_ sheet: any WorksheetSource) -> any WorksheetSource {
        let columns = sheet.columnCount
        guard sheet.rowCount + 1 > XLSXWorkbookWriter.maximumRows || columns > XLSXWorkbookWriter.maximumColumns
        else { return sheet }
        let note =
            "This table has \(sheet.rowCount + 1) rows and \(columns) columns, more than Excel opens "
            + "(1,048,576 rows, 16,384 columns); see \(sheet.name).csv."
        return WorkbookSheet(name: sheet.name, header: ["note"], rows: [[.text(note)]])
    }

    /// Writes the selected outputs into the staging folder, which already holds `matches.csv`; removes that file
    /// again when CSV is not selected, unless `keepingMatches` (a shard's `matches.csv` is part of its partial
    /// result, which `merge` reads whatever the outputs). `samples` are the run's first matches of each code (by
    /// code index, with document indices into the tables' documents), gathered while analyzing; without them the
    /// report reads its passages back from `matches.csv`, which gives the same ones.
    public func write(to staging: OutputStaging, samples: [Int: [Match]]? = nil, keepingMatches: Bool = false)
        async throws
    {
        let options = tables.options
        let formats = Set(options.formats)
        let files = try tables.csvFiles(cases: cases)
        // The tables, the workbook, and the clouds with the report need nothing from each other: they are made side
        // by side, since the end of a run has no documents left to keep the other cores busy.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                if formats.contains(.csv) {
                    for file in files {
                        try staging.writeCSV(file.table, named: String(file.name.dropLast(4)), byteOrderMark: options.excelCSV)
                    }
                }
                if formats.contains(.json) {
                    for file in files { try staging.writeJSON(file.table, named: String(file.name.dropLast(4))) }
                }
            }
            if formats.contains(.xlsx) {
                group.addTask {
                    let byName = Dictionary(uniqueKeysWithValues: files.map { (String($0.name.dropLast(4)), $0.table) })
                    // Each sheet is made from its table only when the writer comes to it.
                    // Written to the staging folder as it is compressed; a failed write names the output folder
                    // and the workbook, as other writes do.
                    try staging.write(Self.workbookName, streaming: { emit in
                        do {
                            try XLSXWorkbookWriter.write(names: Self.workbookTables, to: emit) { index in
                                let name = Self.workbookTables[index]
                                return Self.fittingExcel(
                                    CSVTableSheet(name: name, table: byName[name]!, textColumns: CSVTable.textHeaders))
                            }
                        } catch WorkbookError.output(let error) {
                            throw error
                        }
                    })
                }
            }
            if formats.contains(.svg) || formats.contains(.html) {
                group.addTask {
                    let clouds = try self.clouds()
                    if formats.contains(.svg) {
                        try staging.write(Self.codeCloudName, contents: clouds.codes)
                        try staging.write(Self.wordCloudName, contents: clouds.words)
                    }
                    if formats.contains(.html) {
                        let passages = try samples.map(passages(from:))
                            ?? Self.samplePassages(matchesPath: staging.path(for: "matches.csv"), tables: tables)
                        let page = HTMLReport.render(reportModel(clouds: clouds, passages: passages, cases: cases))
                        try staging.write(Self.reportName, contents: page)
                    }
                }
            }
            try await group.waitForAll()
        }
        if !formats.contains(.csv) && !keepingMatches { staging.remove("matches.csv") }
    }
}
