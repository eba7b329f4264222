extension CSVTable {
    /// Headers whose columns are text even when every value looks like a number (a case called 2021 is a name).
    static let textHeaders: Set<String> = [
        "case", "document", "source", "format", "encoding", "speakers", "theme", "code", "label", "term", "word",
        "code_a", "code_b", "label_a", "label_b", "status", "case_test",
    ]

    /// The table as a JSON array of objects, one per row, keys in column order; a column whose every non-empty
    /// value is a number by the workbook's rule (`WorkbookSheet.number(in:)`: a plain decimal that a spreadsheet
    /// keeps exactly) holds numbers, an empty cell in it `null`.
    ///
    /// Rendered by hand because `JSONEncoder` sorts or scrambles keys, and a mirror of a table should read in the
    /// table's column order.
    public func json() -> String {
        let numeric = header.indices.map { column in
            !Self.textHeaders.contains(header[column])
                && rows.allSatisfy { column >= $0.count || $0[column].isEmpty || WorkbookSheet.number(in: $0[column]) != nil }
        }
        var output = "["
        for (rowIndex, row) in rows.enumerated() {
            output += rowIndex == 0 ? "\n  {" : ",\n  {"
            for (column, name) in header.enumerated() {
                let value = column < row.count ? row[column] : ""
                output += (column == 0 ? "" : ", ") + Self.jsonString(name) + ": "
                if numeric[column] {
                    output += value.isEmpty ? "null" : value
                } else {
                    output += Self.jsonString(value)
                }
            }
            output += "}"
        }
        return output + (rows.isEmpty ? "]\n" : "\n]\n")
    }

    /// A JSON string literal.
    static func jsonString(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
