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
        var text = ""
        for row in [header] + rows {
            text += row.map(Self.escaped).joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    private static func escaped(_ field: String) -> String {
        // Bytes, not Characters: the four that need quoting are ASCII, and comparing bytes is far cheaper.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else {
            return field
        }
        var quoted = "\""
        for character in field.unicodeScalars {
            if character == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(character)
        }
        return quoted + "\""
    }
}
