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
                total += Int(cicu_display_columns(Int32(bitPattern: scalar.value)))
            }
        }
        return total
    }
}
