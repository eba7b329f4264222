/// A table written as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break.
public struct CSVTable: CSVTableSource, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public var rowCount: Int { rows.count }

    public func row(at index: Int) -> [String] { rows[index] }

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The UTF-8 byte order mark, which Excel on Chinese Windows needs to read a CSV file as UTF-8 rather than
    /// GBK (`--excel-csv`).
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// How many bytes of a rendered table are handed on at a time (`forEachCSVPiece`, `forEachJSONPiece`).
    static let pieceBytes = 1 << 20

    /// Appends one CRLF-terminated record.
    static func appendRow(_ row: [String], to bytes: inout [UInt8]) {
        for (index, field) in row.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            append(field, to: &bytes)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
    }

    /// Appends a field, quoted when it holds a comma, quote or line break (all ASCII, so bytes suffice).
    static func append(_ field: String, to bytes: inout [UInt8]) {
        let utf8 = field.utf8
        guard utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
    }

    /// Appends UTF-16 text as one field, encoded as UTF-8 the way `makeString` encodes it (lone surrogates as
    /// U+FFFD, line breaks and tabs as spaces when asked) and quoted by the same rule as `String` fields.
    static func appendField(
        utf16 units: UnsafeBufferPointer<UInt16>, flatteningLineBreaks: Bool, to bytes: inout [UInt8]
    ) {
        var needsQuotes = false
        for unit in units where unit == 0x2C || unit == 0x22 || (!flatteningLineBreaks && (unit == 0x0A || unit == 0x0D)) {
            needsQuotes = true
            break
        }
        // Encoded into a temporary buffer and appended at once: one append per byte (with its uniqueness and
        // capacity checks) was most of what rendering a row cost. Each unit takes at most three bytes (a doubled
        // quote two, a surrogate pair four for two units), plus two quotes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: units.count * 3 + 2) { buffer in
            var out = 0
            func put(_ byte: UInt8) {
                buffer[out] = byte
                out += 1
            }
            if needsQuotes { put(0x22) }
            var index = 0
            while index < units.count {
                var (value, length) = scalarValue(in: units, at: index)
                index += length
                if flatteningLineBreaks, value == 0x0A || value == 0x0D || value == 0x09 { value = 0x20 }
                switch value {
                case 0..<0x80:
                    if value == 0x22, needsQuotes { put(0x22) }
                    put(UInt8(value))
                case 0x80..<0x800:
                    put(UInt8(0xC0 | (value >> 6)))
                    put(UInt8(0x80 | (value & 0x3F)))
                case 0x800..<0x10000:
                    put(UInt8(0xE0 | (value >> 12)))
                    put(UInt8(0x80 | ((value >> 6) & 0x3F)))
                    put(UInt8(0x80 | (value & 0x3F)))
                default:
                    put(UInt8(0xF0 | (value >> 18)))
                    put(UInt8(0x80 | ((value >> 12) & 0x3F)))
                    put(UInt8(0x80 | ((value >> 6) & 0x3F)))
                    put(UInt8(0x80 | (value & 0x3F)))
                }
            }
            if needsQuotes { put(0x22) }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<out]))
        }
    }
}
