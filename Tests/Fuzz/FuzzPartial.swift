// libFuzzer target: the records of a shard's documents (`partial-documents.bin`), which `merge` reads from files
// that may be cut or damaged. A record either is refused or reads as a document that writes back as a record
// reading as the same document. Built and run by Tests/fuzz.sh.
@testable import ThemeScanKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartial(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let document = PartialDocument(record: UnsafeRawBufferPointer(start: data, count: size)) else { return 0 }
    var record: [UInt8] = []
    document.appendRecord(to: &record)
    let again = record.withUnsafeBytes { PartialDocument(record: $0) }
    precondition(again == document, "a document read from a record does not read back the same")
    var second: [UInt8] = []
    again!.appendRecord(to: &second)
    precondition(second == record, "a document written twice gives two records")
    return 0
}
