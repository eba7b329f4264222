import ArgumentParser
import ThemeScanKit

/// Formats are named on the command line by their raw values: yaml, csv, liwc, quanteda, wordstat.
extension CodebookFormat: ExpressibleByArgument {}
