// libFuzzer target: web pages, read as `analyze` reads them (charset sniffing, libxml2's HTML parser, visible
// text extraction). Built and run by Tests/fuzz.sh.
import ThemeScanKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = DocumentSource(path: "fuzz.html", id: "fuzz.html")
    _ = try? DocumentLoader().reader(for: .html).read(bytes, from: source)
    var options = IngestionOptions()
    options.xpath = "//p"
    _ = try? DocumentLoader(options: options).reader(for: .html).read(bytes, from: source)
    return 0
}
