import CICU

/// How wide text shows in a fixed-pitch grid such as a spreadsheet column: Han, kana, Hangul and fullwidth forms
/// take two columns, combining marks none, everything else one (ICU's East Asian Width property).
public enum DisplayWidth {
    /// The number of columns `text` takes.
    public static func columns(of text: String) -> Int {
        columns(of: text, firstLineOnly: false)
    }

    /// The columns the first line of `text` takes: up to its first line feed that is a character of its own (one
    /// after a carriage return is part of that `\r\n` character, and does not end the line), as splitting the
    /// text's characters on `"\n"` would give, without making the line.
    public static func columns(ofFirstLineOf text: String) -> Int {
        columns(of: text, firstLineOnly: true)
    }

    private static func columns(of text: String, firstLineOnly: Bool) -> Int {
        var total = 0
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if firstLineOnly, scalar.value == 0x0A, !afterCarriageReturn { break }
            afterCarriageReturn = scalar.value == 0x0D
            // ASCII is by far the most common and always one column (controls aside, which take none).
            if scalar.value < 0x80 {
                total += scalar.value >= 0x20 ? 1 : 0
            } else {
                total += columns(of: scalar)
            }
        }
        return total
    }

    /// Columns of one scalar beyond ASCII: none for combining marks and invisible format characters, two for Wide
    /// and Fullwidth (ICU's East Asian Width: 5 and 3), one otherwise (Ambiguous counts as narrow).
    static func columns(of scalar: Unicode.Scalar) -> Int {
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
            || properties.isDefaultIgnorableCodePoint
        {
            return 0
        }
        let width = cicu_east_asian_width(scalar.value)
        return width == 5 || width == 3 ? 2 : 1
    }
}
