// libFuzzer target: CSV and TSV questionnaire exports, read as `analyze` reads them (decoding, delimiter
// sniffing, RFC 4180 parsing, survey layout), and the bare RFC 4180 parser, which must give the same records
// whether the bytes come whole or in pieces (as a streamed export's blocks do). Built and run by Tests/fuzz.sh.
@testable import ThemeScanKit

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
        let pieceSize = 1 + Int(bytes.first ?? 0) % 7
        precondition(records(bytes, delimiter: delimiter, pieceSize: bytes.count) == records(bytes, delimiter: delimiter, pieceSize: pieceSize))
    }
    return 0
}

/// The records of `bytes` and where a quoted field was left open, scanned in pieces of `pieceSize`.
private func records(_ bytes: [UInt8], delimiter: Unicode.Scalar, pieceSize: Int) -> [CSVRecord] {
    var scanner = CSVRecordScanner(delimiter: UInt8(ascii: delimiter))
    var records: [CSVRecord] = []
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + max(pieceSize, 1))
        _ = bytes[start..<end].withUnsafeBufferPointer { scanner.scan($0) { records.append($0); return true } }
        start = end
    }
    let open = scanner.finish { records.append($0); return true }
    return records + [CSVRecord(fields: [], line: open ?? 0)]
}
