import ArgumentParser
import ThemeScanKit

extension TableOptions.CloudWeight: ExpressibleByArgument {}
