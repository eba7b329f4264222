// libFuzzer target: XML exports, read as `analyze` reads them: all text, and one document per `--xpath` node with
// `--case-xpath` and `--text-xpath`. Built and run by Tests/fuzz.sh.
import ThemeScanKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = DocumentSource(path: "fuzz.xml", id: "fuzz.xml")
    _ = try? DocumentLoader().reader(for: .xml).read(bytes, from: source)
    var options = IngestionOptions()
    options.xpath = "/*/*"
    options.caseXPath = "@id"
    options.textXPath = ".//text()"
    _ = try? DocumentLoader(options: options).reader(for: .xml).read(bytes, from: source)
    return 0
}
