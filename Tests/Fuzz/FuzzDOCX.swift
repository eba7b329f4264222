// libFuzzer target: Word files, read as `analyze` reads them (zip archive, inflate cap, libxml2, paragraphs and
// speaker turns). Built and run by Tests/fuzz.sh.
import ThemeScanKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOCX(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var options = IngestionOptions()
    // A small cap keeps a fuzzed inflation bomb within libFuzzer's memory limit; the cap logic is the same.
    options.maximumEntryBytes = 16 << 20
    let source = DocumentSource(path: "fuzz.docx", id: "fuzz.docx")
    _ = try? DocumentLoader(options: options).reader(for: .docx).read(bytes, from: source)
    return 0
}
