// libFuzzer target: XML exports, read as `analyze` reads them: all text, and one document per `--xpath` node with
// `--case-xpath` and `--text-xpath`. The same bytes read as a worksheet and as shared strings node by node must
// give what reading their tree gives, whenever the node-by-node reading does not leave them to the tree, read from
// memory or given a few bytes at a time. Built and run by Tests/fuzz.sh.
@testable import ThemeScanKit

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
    let strings: XLSXSharedStrings = ["0", "one", "two & three"]
    if let pulled = XLSXWorkbook.pulledRows(of: bytes, sharedStrings: strings) {
        guard let tree = try? XMLTree(xml: bytes) else { fatalError("read node by node, but the tree refuses it") }
        let expected = XLSXWorkbook.rows(of: tree, sharedStrings: strings)
        if pulled.rows != expected.rows || pulled.badIndexes != expected.badIndexes {
            fatalError("rows read node by node differ from the tree's")
        }
    }
    // The walk that makes no text (a streamed sheet's check) reads to the end exactly when the rows do, finding
    // the same bad indexes.
    let pulledRows = XLSXWorkbook.pulledRows(of: bytes, sharedStrings: strings)
    let checked = try? XMLPullReader.read(bytes) { reader in
        var sheet = XLSXSheetRowReader(reader, sharedStrings: strings)
        try sheet.checkToEnd()
        return sheet.badIndexes
    }
    if (checked ?? nil) != pulledRows?.badIndexes { fatalError("the check walk judges the sheet otherwise than the rows") }
    // The same walk over the bytes given seven at a time, as a sheet inflating gives them: whatever it reads to its
    // end, the tree reads the same.
    var offset = 0
    if let reader = XMLPullReader(pulling: { buffer in
        let count = min(7, buffer.count, bytes.count - offset)
        for index in 0..<count { buffer[index] = bytes[offset + index] }
        offset += count
        return count
    }) {
        var sheet = XLSXSheetRowReader(reader, sharedStrings: strings)
        func readToEnd() throws -> [SpreadsheetRow] {
            var rows: [SpreadsheetRow] = []
            while let row = try sheet.nextRow() { rows.append(row) }
            return rows
        }
        if let rows = try? readToEnd() {
            guard let tree = try? XMLTree(xml: bytes) else { fatalError("read in pieces, but the tree refuses it") }
            let expected = XLSXWorkbook.rows(of: tree, sharedStrings: strings)
            if rows != expected.rows || sheet.badIndexes != expected.badIndexes {
                fatalError("rows read in pieces differ from the tree's")
            }
        }
    }
    if let pulled = XLSXWorkbook.pulledSharedStrings(of: bytes) {
        guard let tree = try? XMLTree(xml: bytes) else { fatalError("read node by node, but the tree refuses it") }
        if pulled != XLSXWorkbook.sharedStrings(of: tree) {
            fatalError("shared strings read node by node differ from the tree's")
        }
    }
    return 0
}
