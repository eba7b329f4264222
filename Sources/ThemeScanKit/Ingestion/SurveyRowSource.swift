/// Where the rows of a survey export come from, a block at a time, for `SurveyExportStream`: a CSV or TSV file read
/// as it goes (`DelimitedTextFile`), an `.xlsx` sheet read as it inflates (`XLSXSheetStream`), or the rows of a sheet
/// read whole (`SheetRows`).
protocol SurveyRowSource {
    /// The rows of the next block (perhaps none), or nil once there are no more.
    mutating func nextRows() throws(IngestionError) -> [SpreadsheetRow]?
    /// What reading the rows had to say, in the order the whole-file reader reports it.
    var warnings: [Diagnostic] { get }
    /// The encoding the rows were decoded from, which each document records.
    var encoding: String { get }
}
