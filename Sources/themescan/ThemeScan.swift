import ArgumentParser

@main
struct ThemeScan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themescan",
        abstract: "Count a codebook's themes in interview transcripts and questionnaire text.",
        version: "0.1.0",
        subcommands: [Analyze.self, Compare.self, Discover.self, Lexicon.self, Export.self, Merge.self]
    )
}
