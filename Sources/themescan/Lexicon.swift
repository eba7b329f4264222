import ArgumentParser
import ThemeScanKit

/// `themescan lexicon`: tools for building a codebook.
struct Lexicon: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a codebook, or convert it between formats and import LIWC, quanteda and WordStat dictionaries.",
        subcommands: [Check.self, Convert.self]
    )
}
