import ArgumentParser
import ThemeScanKit

/// Formats are named on the command line by their raw values: yaml, csv, liwc, quanteda, wordstat.
extension CodebookFormat: ExpressibleByArgument {}

/// Warning kinds are named on the command line as in their tags: shadowed, shared-term, …
extension CodebookLintKind: ExpressibleByArgument {}
