/// Colours for chart groups (themes, years), safe for the common forms of colour blindness.
///
/// The seven Okabe–Ito colours that read well as text on white (their yellow does not), in an order that puts the
/// most distinct ones first. Groups past the seventh wrap around; a legend always names each group.
public enum ChartPalette {
    /// Blue, vermillion, bluish green, reddish purple, orange, sky blue, black, as `#RRGGBB`.
    public static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    /// The colour of a group that stands for "everything else", such as words outside the codebook.
    public static let neutral = "#8C8C8C"

    /// The colour of the group at `position` in the chart's group order.
    public static func colour(at position: Int) -> String {
        colours[position % colours.count]
    }
}
