extension WorkbookSheet {
    /// A sheet from a CSV table, with each numeric column's cells as numbers and every other cell as text.
    ///
    /// A column is numeric when it has at least one value and every non-empty value is a plain number (see
    /// `number(in:)`); deciding per column keeps a column of identifiers such as `1, 2, P03` all text, so it
    /// sorts one way in Excel. Columns whose header is in `textColumns` (such as `case`, whose identifiers may
    /// all happen to be digits) are always text. Empty fields stay empty cells.
    public init(name: String, table: CSVTable, textColumns: Set<String> = []) {
        let width = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        var numeric = (0..<width).map { column in
            !(table.header.indices.contains(column) && textColumns.contains(table.header[column]))
        }
        var filled = [Bool](repeating: false, count: width)
        for row in table.rows {
            for (column, field) in row.enumerated() where !field.isEmpty {
                filled[column] = true
                if numeric[column], Self.number(in: field) == nil { numeric[column] = false }
            }
        }
        let rows = table.rows.map { row in
            row.enumerated().map { column, field -> WorkbookCell in
                if field.isEmpty { return .empty }
                if numeric[column], filled[column], let value = Self.number(in: field) { return .number(value) }
                return .text(field)
            }
        }
        self.init(name: name, header: table.header, rows: rows)
    }

    /// The value of a field written as a plain decimal number: an optional minus sign, digits without a leading
    /// zero (a lone `0` is fine), an optional fraction, at most 15 digits in all; nil for anything else.
    ///
    /// Leading zeros, plus signs and exponents are refused because such fields are codes (`007`, `+86`,
    /// `1E3` as a room number) that Excel would silently change; more than 15 digits (an 18-digit ID number)
    /// would lose digits in Excel's doubles.
    public static func number(in field: String) -> Double? {
        let bytes = Array(field.utf8)
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { return nil }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { return nil }
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
            fractionDigits = index - fractionStart
            guard fractionDigits > 0 else { return nil }
        }
        guard index == bytes.count, integerDigits + fractionDigits <= 15 else { return nil }
        guard let value = Double(field), value.isFinite else { return nil }
        return value
    }
}
