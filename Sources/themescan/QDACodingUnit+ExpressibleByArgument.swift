import ArgumentParser
import ThemeScanKit

/// Coding units are named on the command line by their raw values: match, turn.
extension QDACodingUnit: ExpressibleByArgument {}
