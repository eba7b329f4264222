/// A table written as RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break.
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    /// The table as CSV text.
    public func rendered() -> String {
        // Built as bytes: appending Strings field by field cost more than the matching on large tables.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64 * (rows.count + 1))
        Self.appendRow(header, to: &bytes)
        for row in rows { Self.appendRow(row, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

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
    private static func append(_ field: String, to bytes: inout [UInt8]) {
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
}
