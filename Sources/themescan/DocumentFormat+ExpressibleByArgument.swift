import ArgumentParser
import ThemeScanKit

extension DocumentFormat: ExpressibleByArgument {}
