extension CSVTable {
    /// Headers whose columns are text even when every value looks like a number (a case called 2021 is a name).
    static let textHeaders: Set<String> = [
        "case", "document", "source", "format", "encoding", "speakers", "theme", "code", "label", "term", "word",
        "code_a", "code_b", "label_a", "label_b", "status", "case_test",
    ]
}

extension CSVTableSource {
    /// The table as a JSON array of objects, one per row, keys in column order; a column whose every non-empty
    /// value is a number by the workbook's rule (`WorkbookSheet.number(in:)`: a plain decimal that a spreadsheet
    /// keeps exactly) holds numbers, an empty cell in it `null`.
    ///
    /// Rendered by hand because `JSONEncoder` sorts or scrambles keys, and a mirror of a table should read in the
    /// table's column order.
    public func json() -> String {
        var bytes: [UInt8] = []
        forEachJSONPiece { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTF-8 of `json()`, handed to `body` about a megabyte at a time: the JSON mirror of a table with a case
    /// per survey row runs to a gigabyte.
    public func forEachJSONPiece<Failure: Error>(_ body: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let numeric = columnKinds(textColumns: CSVTable.textHeaders).numeric
        // Every key, with the separator before it, in one buffer: an array per key was retained and released for
        // every cell, and a table with a case per survey row has millions of cells.
        var keys: [UInt8] = []
        var keyEnds: [Int] = []
        for (column, name) in header.enumerated() {
            if column > 0 { keys += ", ".utf8 }
            CSVTable.appendJSONString(name, to: &keys)
            keys += ": ".utf8
            keyEnds.append(keys.count)
        }
        var output: [UInt8] = [0x5B]
        output.reserveCapacity(CSVTable.pieceBytes + 4096)
        for rowIndex in 0..<rowCount {
            let row = row(at: rowIndex)
            output += rowIndex == 0 ? "\n  {".utf8 : ",\n  {".utf8
            for column in header.indices {
                let value = column < row.count ? row[column] : ""
                let keyStart = column == 0 ? 0 : keyEnds[column - 1]
                keys.withUnsafeBufferPointer { keys in
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: keys[keyStart..<keyEnds[column]]))
                }
                if numeric[column] {
                    output += value.isEmpty ? "null".utf8 : value.utf8
                } else {
                    CSVTable.appendJSONString(value, to: &output)
                }
            }
            output.append(0x7D)
            if output.count >= CSVTable.pieceBytes {
                try body(output)
                output.removeAll(keepingCapacity: true)
            }
        }
        output += rowCount == 0 ? "]\n".utf8 : "\n]\n".utf8
        try body(output)
    }
}

extension CSVTable {
    /// Appends a JSON string literal: quotes, backslashes and control characters escaped, the rest as it is.
    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0..<0x20:
                // UTF-8 puts every control character in one byte of its own, so bytes below 0x20 are exactly them.
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}
