// libFuzzer target: spreadsheets, read as `analyze` reads them: `.xlsx` (zip, shared strings, sheets, survey
// layout), or, when the first byte is odd, `.xls` exports that are HTML tables or SpreadsheetML 2003. An `.xlsx`
// sheet streamed as it inflates must give what reading it whole gives. Built and run by Tests/fuzz.sh.
@testable import ThemeScanKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let format: DocumentFormat = data[0] & 1 == 0 ? .xlsx : .xls
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var options = IngestionOptions()
    // A small cap keeps a fuzzed inflation bomb within libFuzzer's memory limit; the cap logic is the same.
    options.maximumEntryBytes = 16 << 20
    let source = DocumentSource(path: "fuzz.xlsx", id: "fuzz.xlsx")
    _ = try? DocumentLoader(options: options).reader(for: format).read(bytes, from: source)
    // A sheet read as it inflates gives what reading it whole gives, whenever its check lets it stream.
    if format == .xlsx, var stream = try? XLSXSheetStream(bytes, format: .xlsx, path: "fuzz.xlsx", options: options) {
        var rows: [SpreadsheetRow] = []
        while let block = try? stream.nextRows() { rows += block }
        guard let whole = try? XLSXWorkbook(bytes: bytes, path: "fuzz.xlsx", maximumEntryBytes: options.maximumEntryBytes)
            .rows(ofSheet: nil)
        else { fatalError("streamed, but the whole reading refuses the sheet") }
        if rows != whole.rows || stream.warnings != whole.warnings { fatalError("streamed rows differ from the whole reading's") }
    }
    return 0
}
