/// A table the writers read a row at a time: a `CSVTable` that holds its rows, or a `GeneratedCSVTable` that makes
/// each row only when it is written.
public protocol CSVTableSource: Sendable {
    var header: [String] { get }
    var rowCount: Int { get }
    func row(at index: Int) -> [String]
    /// For each column, whether every row is known to hold a plain number there (`WorkbookSheet.number(in:)`), so
    /// writers need not read every row to find out; empty when nothing is known. A table that declares them has
    /// rows exactly as wide as its header.
    var numberColumns: [Bool] { get }
}

extension CSVTableSource {
    public var numberColumns: [Bool] { [] }

    /// Whether `column` is known to hold a plain number in every row.
    func holdsNumbers(_ column: Int) -> Bool {
        numberColumns.indices.contains(column) && numberColumns[column]
    }

    /// What the JSON mirror and the workbook sheet both judge a table's columns by, reading every row only when the
    /// table does not tell: whether each column's non-empty fields are all plain numbers (`numeric`; never for the
    /// `textColumns`) and whether it has any non-empty field (`filled`), over the header and any wider row.
    func columnKinds(textColumns: Set<String>) -> (numeric: [Bool], filled: [Bool]) {
        let isText = { (column: Int) in header.indices.contains(column) && textColumns.contains(header[column]) }
        var numeric = header.indices.map { !isText($0) }
        if numberColumns.count == header.count, header.indices.allSatisfy({ isText($0) || holdsNumbers($0) }) {
            return (numeric, Array(repeating: rowCount > 0, count: header.count))
        }
        var filled = [Bool](repeating: false, count: header.count)
        for index in 0..<rowCount {
            let row = row(at: index)
            while numeric.count < row.count {
                numeric.append(!isText(numeric.count))
                filled.append(false)
            }
            for (column, field) in row.enumerated() where !field.isEmpty {
                filled[column] = true
                if numeric[column], !holdsNumbers(column), WorkbookSheet.number(in: field) == nil { numeric[column] = false }
            }
        }
        return (numeric, filled)
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
