// libFuzzer target: spreadsheets, read as `analyze` reads them: `.xlsx` (zip, shared strings, sheets, survey
// layout), or, when the first byte is odd, `.xls` exports that are HTML tables or SpreadsheetML 2003. Built and
// run by Tests/fuzz.sh.
import ThemeScanKit

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
    return 0
}
