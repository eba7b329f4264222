import ArgumentParser
import Foundation
import ThemeScanKit

/// The `--stopwords` option that `analyze` and `discover` share, and where the shipped lists are found.
struct StopwordOptions: ParsableArguments {
    @Option(
        name: .customLong("stopwords"),
        help: ArgumentHelp(
            "A stopword list (one entry a line, # comments); repeatable. Default: lexicons/stopwords-zh.txt and "
                + "lexicons/stopwords-en.txt, looked for in the working folder and then above the themescan binary.",
            valueName: "file"))
    var files: [String] = []

    /// The shipped lists, relative to a folder that holds `lexicons/`.
    static let defaultFiles = ["lexicons/stopwords-zh.txt", "lexicons/stopwords-en.txt"]

    /// The lists named, or the shipped ones when found; a note when there are none.
    func load(normalization: NormalizationOptions, matcher: Matcher?, reporter: DiagnosticReporter) throws
        -> StopwordList
    {
        let normalizer = try TextNormalizer(options: normalization, traditional: matcher?.traditionalCharacters)
        var paths = files
        if paths.isEmpty {
            paths = Self.shippedLists()
            if paths.isEmpty {
                reporter.note("no stopword list found (lexicons/stopwords-*.txt); give --stopwords FILE")
            }
        }
        var list = StopwordList()
        for path in paths { list = list.merging(try StopwordList.load(path: path, normalizer: normalizer)) }
        return list
    }

    /// The shipped lists in the working folder, else in the nearest folder above the binary that has them (a
    /// build inside the repository finds the repository's lists wherever it is run from).
    static func shippedLists() -> [String] {
        var roots = [FileManager.default.currentDirectoryPath]
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            roots.append(folder.path)
            folder = folder.deletingLastPathComponent()
        }
        for (index, root) in roots.enumerated() {
            // Lists in the working folder keep their relative names, as `run.json` records them.
            let paths = defaultFiles.map { index == 0 ? $0 : URL(fileURLWithPath: root).appendingPathComponent($0).path }
            let found = paths.filter { FileManager.default.fileExists(atPath: $0) }
            if !found.isEmpty { return found }
        }
        return []
    }
}
