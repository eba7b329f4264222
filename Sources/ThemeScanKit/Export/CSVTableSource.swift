/// A table the writers read a row at a time: a `CSVTable` that holds its rows, or a `GeneratedCSVTable` that makes
/// each row only when it is written.
public protocol CSVTableSource: Sendable {
    var header: [String] { get }
    var rowCount: Int { get }
    func row(at index: Int) -> [String]
    /// For each column, whether every row is known to hold a plain number there (`WorkbookSheet.number(in:)`), so
    /// writers need not read every row to find out; empty when nothing is known.
    var numberColumns: [Bool] { get }
}

extension CSVTableSource {
    public var numberColumns: [Bool] { [] }

    /// Whether `column` is known to hold a plain number in every row.
    func holdsNumbers(_ column: Int) -> Bool {
        numberColumns.indices.contains(column) && numberColumns[column]
    }

    /// The table as CSV bytes, after a byte order mark when asked.
    public func bytes(byteOrderMark: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        forEachCSVPiece(byteOrderMark: byteOrderMark) { bytes += $0 }
        return bytes
    }

    /// The table as CSV text.
    public func rendered() -> String {
        String(decoding: bytes(byteOrderMark: false), as: UTF8.self)
    }

    /// The bytes of `bytes(byteOrderMark:)`, handed to `body` about a megabyte at a time, so that writing a table
    /// of a case per survey row does not hold a second copy of it.
    public func forEachCSVPiece<Failure: Error>(
        byteOrderMark: Bool, _ body: ([UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        // Built as bytes: appending Strings field by field cost more than the matching on large tables.
        var bytes = byteOrderMark ? CSVTable.byteOrderMark : []
        bytes.reserveCapacity(min(CSVTable.pieceBytes, 64 * (rowCount + 1)) + 4096)
        CSVTable.appendRow(header, to: &bytes)
        for index in 0..<rowCount {
            CSVTable.appendRow(row(at: index), to: &bytes)
            if bytes.count >= CSVTable.pieceBytes {
                try body(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        if !bytes.isEmpty { try body(bytes) }
    }
}
