extension WorkbookSheet {
    /// A sheet from a CSV table, all its cells made at once (see `CSVTableSheet`, which makes them a row at a time).
    public init(name: String, table: CSVTable, textColumns: Set<String> = []) {
        let source = CSVTableSheet(name: name, table: table, textColumns: textColumns)
        self.init(name: name, header: table.header, rows: (0..<source.rowCount).map(source.cells(ofRow:)))
    }

    /// The value of a field written as a plain decimal number: an optional minus sign, digits without a leading
    /// zero (a lone `0` is fine), an optional fraction, at most 15 digits in all; nil for anything else.
    ///
    /// Leading zeros, plus signs and exponents are refused because such fields are codes (`007`, `+86`,
    /// `1E3` as a room number) that Excel would silently change; more than 15 digits (an 18-digit ID number)
    /// would lose digits in Excel's doubles.
    public static func number(in field: String) -> Double? {
        // Most fields are short, and most are numbers or plainly not: the UTF-8 view is read in place.
        var contiguous = field
        return contiguous.withUTF8 { number(in: $0, of: field) }
    }

    private static func number(in bytes: UnsafeBufferPointer<UInt8>, of field: String) -> Double? {
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
        if fractionDigits == 0 {
            // A whole number of at most 15 digits is exact in a double: read here, as `Double(_:)` would read it,
            // without the C library's `strtod`, which was a tenth of writing a sheet of a count per code and case.
            var value: Int64 = 0
            for digit in bytes[integerStart..<index] { value = value * 10 + Int64(digit - 0x30) }
            return integerStart > 0 ? -Double(value) : Double(value)
        }
        guard let value = Double(field), value.isFinite else { return nil }
        return value
    }
}
