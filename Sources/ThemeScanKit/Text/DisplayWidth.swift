import CICU

/// How wide text shows in a fixed-pitch grid such as a spreadsheet column: Han, kana, Hangul and fullwidth forms
/// take two columns, combining marks none, everything else one (ICU's East Asian Width property).
public enum DisplayWidth {
    /// The number of columns `text` takes.
    public static func columns(of text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
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
