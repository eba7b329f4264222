import ArgumentParser
import ThemeScanKit

extension SpeakerSelection: ExpressibleByArgument {}
