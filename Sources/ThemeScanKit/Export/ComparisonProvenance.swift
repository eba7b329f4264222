import Foundation

/// The `run.json` of a `compare` folder: the tool, the command line, and every compared run with the SHA-256 of
/// its `run.json`, so a comparison can be traced to the exact runs it read.
public struct ComparisonProvenance: Sendable, Codable, Equatable {
    /// One compared run.
    public struct ComparedRun: Sendable, Codable, Equatable {
        public var label: String
        public var folder: String
        /// The SHA-256 of the run's `run.json`.
        public var runSHA256: String
        public var tokens: Int
        public var cases: Int

        public init(label: String, folder: String, runSHA256: String, tokens: Int, cases: Int) {
            self.label = label
            self.folder = folder
            self.runSHA256 = runSHA256
            self.tokens = tokens
            self.cases = cases
        }
    }

    public var format = 1
    public var kind = "comparison"
    public var tool: String
    public var version: String
    public var icu: String
    public var commandLine: [String]
    public var workingDirectory: String
    public var runs: [ComparedRun]
    public var adjustment: String
    /// Whether runs made with different settings were compared anyway (`--allow-mismatch`), and what differed.
    public var mismatches: [String]
    public var warnings: [String]
    public var started: String
    public var finished: String

    public init(
        tool: String, version: String, commandLine: [String], runs: [ComparedRun], adjustment: String,
        mismatches: [String], warnings: [String], started: Date, finished: Date
    ) {
        self.tool = tool
        self.version = version
        icu = ICU.version
        self.commandLine = commandLine
        workingDirectory = FileManager.default.currentDirectoryPath
        self.runs = runs
        self.adjustment = adjustment
        self.mismatches = mismatches
        self.warnings = warnings
        self.started = RunProvenance.timestamp(started)
        self.finished = RunProvenance.timestamp(finished)
    }

    /// The provenance as JSON, keys sorted.
    public func encoded() -> String {
        jsonFileText()
    }
}
