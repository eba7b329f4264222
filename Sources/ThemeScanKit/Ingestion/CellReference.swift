/// A spreadsheet cell address such as `C5`: a 0-based column and a 1-based row.
struct CellReference: Hashable {
    var column: Int
    var row: Int?

    /// The address in `text` (`C5`, `AA10`, or a column alone); nil when it does not start with letters.
    init?(_ text: String) {
        var column = 0
        var digits = 0
        var row = 0
        var sawLetter = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard digits == 0 else { return nil }
                let value = Int(scalar.properties.uppercaseMapping.unicodeScalars.first!.value) - 64
                column = column * 26 + value
                sawLetter = true
                guard column <= 1 << 20 else { return nil }
            case "0"..."9":
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
                guard row <= 1 << 24 else { return nil }
            case "$":
                continue
            default:
                return nil
            }
        }
        guard sawLetter else { return nil }
        self.column = column - 1
        self.row = digits > 0 ? row : nil
    }
}
