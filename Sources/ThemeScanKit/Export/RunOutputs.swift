/// Writes every output of a finished run but `matches.csv` (which is streamed as documents finish) and
/// `run.json`: the tables as CSV and JSON, the workbook, the clouds and the report, as the options select.
public struct RunOutputs: Sendable {
    public var tables: RunTables
    /// The run's warnings and errors, for the report.
    public var diagnostics: [Diagnostic]

    public init(tables: RunTables, diagnostics: [Diagnostic]) {
        self.tables = tables
        self.diagnostics = diagnostics
    }

    /// Every file name a run may write: an output folder holding only these may be replaced.
    public static let fileNames: Set<String> = {
        var names: Set<String> = ["matches.csv", "run.json", PartialResult.fileName, "results.xlsx", "report.html"]
        names.formUnion(["wordcloud.svg", "words.svg"])
        for table in tableNames {
            names.insert(table + ".csv")
            names.insert(table + ".json")
        }
        return names
    }()

    /// The tables of `RunTables.csvFiles`, by base name.
    static let tableNames = [
        "codes", "terms", "case_codes", "case_themes", "wordcloud", "words", "cooccurrence", "documents",
    ]

    /// Writes the selected outputs into the staging folder, which already holds `matches.csv`; removes that file
    /// again when CSV is not selected.
    public func write(to staging: OutputStaging) throws(OutputError) {
        let options = tables.options
        let formats = Set(options.formats)
        let files = tables.csvFiles()
        if formats.contains(.csv) {
            for file in files { try staging.write(file.name, bytes: file.table.bytes(byteOrderMark: options.excelCSV)) }
        }
        if formats.contains(.json) {
            for file in files {
                try staging.write(String(file.name.dropLast(4)) + ".json", contents: file.table.json())
            }
        }
        if !formats.contains(.csv) { staging.remove("matches.csv") }
    }
}
