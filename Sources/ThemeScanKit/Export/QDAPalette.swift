/// Colours for codes in a REFI-QDA export, one per theme.
///
/// ThemeScan codebooks carry no colours, so each theme takes the palette colour at its position in the codebook
/// (wrapping around), and its codes share it: the same codebook always gets the same colours, and codes of one
/// theme look alike in the QDA program.
enum QDAPalette {
    /// Twelve colours that stay apart from each other on screen (Tableau 10 plus two), as `#RRGGBB`.
    static let colours = [
        "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948",
        "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC", "#1F77B4", "#8C564B",
    ]

    /// The colour of the theme at `position` in the codebook.
    static func colour(forThemeAt position: Int) -> String {
        colours[position % colours.count]
    }
}
