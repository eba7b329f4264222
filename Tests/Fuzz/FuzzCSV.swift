// libFuzzer target: CSV and TSV questionnaire exports, read as `analyze` reads them (decoding, delimiter
// sniffing, RFC 4180 parsing, survey layout), and the bare RFC 4180 parser. Built and run by Tests/fuzz.sh.
import ThemeScanKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let source = DocumentSource(path: "fuzz.csv", id: "fuzz.csv")
    for format in [DocumentFormat.csv, .tsv] {
        _ = try? DocumentLoader().reader(for: format).read(bytes, from: source)
    }
    let text = String(decoding: bytes, as: UTF8.self)
    for delimiter: Unicode.Scalar in [",", "\t", ";"] {
        _ = try? CSVParser(delimiter: delimiter).rows(in: text)
    }
    return 0
}
