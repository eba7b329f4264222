import Foundation

/// `run.json`: how a run's figures were made — the tool, ICU, the command line and options, every input and
/// codebook with its SHA-256, the totals, the warnings, and when it ran.
///
/// The one output that differs between two runs of the same inputs and options (its times and command line);
/// `compare` and `export qdpx` read it back to check what they combine.
public struct RunProvenance: Sendable, Codable, Equatable {
    /// The version of this format; readers refuse newer ones.
    public static let currentFormat = 1
    public static let fileName = "run.json"

    /// One input file as the run read it.
    public struct Input: Sendable, Codable, Equatable {
        public var path: String
        public var size: Int
        public var sha256: String
        /// Empty when the file could not be read.
        public var format: String
        public var encoding: String
        public var documents: Int
        public var skipped: Bool

        public init(
            path: String, size: Int, sha256: String, format: String, encoding: String, documents: Int, skipped: Bool
        ) {
            self.path = path
            self.size = size
            self.sha256 = sha256
            self.format = format
            self.encoding = encoding
            self.documents = documents
            self.skipped = skipped
        }
    }

    /// A codebook or other file the run was configured with.
    public struct ConfigurationFile: Sendable, Codable, Equatable {
        public var path: String
        public var sha256: String
        /// Themes, codes and terms, for codebooks.
        public var themes: Int?
        public var codes: Int?
        public var terms: Int?

        public init(path: String, sha256: String, themes: Int? = nil, codes: Int? = nil, terms: Int? = nil) {
            self.path = path
            self.sha256 = sha256
            self.themes = themes
            self.codes = codes
            self.terms = terms
        }
    }

    /// The run's counts.
    public struct Totals: Sendable, Codable, Equatable {
        public var inputs: Int
        public var skippedInputs: Int
        public var documents: Int
        public var cases: Int
        public var tokens: Int
        public var characters: Int
        public var occurrences: Int
        public var warnings: Int
        public var errors: Int

        public init(
            inputs: Int, skippedInputs: Int, documents: Int, cases: Int, tokens: Int, characters: Int,
            occurrences: Int, warnings: Int, errors: Int
        ) {
            self.inputs = inputs
            self.skippedInputs = skippedInputs
            self.documents = documents
            self.cases = cases
            self.tokens = tokens
            self.characters = characters
            self.occurrences = occurrences
            self.warnings = warnings
            self.errors = errors
        }
    }

    public var format = RunProvenance.currentFormat
    public var tool: String
    public var version: String
    public var icu: String
    /// The arguments the tool was started with, the tool's name first.
    public var commandLine: [String]
    /// The folder the command line's relative paths are relative to.
    public var workingDirectory: String?
    /// The run's name for comparisons (`--label`), when given.
    public var label: String?
    /// Whether Traditional Chinese was converted to Simplified before matching.
    public var simplifyChinese: Bool
    /// Which speakers were counted (`--speakers`).
    public var speakers: String
    /// Every other option that changes what is read, counted or written, by name.
    public var options: [String: String]
    public var tableOptions: TableOptions
    public var inputs: [Input]
    public var manifest: ConfigurationFile?
    public var codebooks: [ConfigurationFile]
    public var stopwords: [ConfigurationFile]
    public var totals: Totals
    /// Codes no term of which matched anywhere.
    public var unmatchedCodes: [String]
    /// Warnings and errors as printed: `path:line:col: severity: message`.
    public var diagnostics: [String]
    /// ISO 8601 times, UTC.
    public var started: String
    public var finished: String

    public init(
        tool: String, version: String, commandLine: [String], label: String?, simplifyChinese: Bool, speakers: String,
        options: [String: String], tableOptions: TableOptions, inputs: [Input], manifest: ConfigurationFile?,
        codebooks: [ConfigurationFile], stopwords: [ConfigurationFile], totals: Totals, unmatchedCodes: [String],
        diagnostics: [String], started: Date, finished: Date
    ) {
        self.tool = tool
        self.version = version
        icu = ICU.version
        self.commandLine = commandLine
        workingDirectory = FileManager.default.currentDirectoryPath
        self.label = label
        self.simplifyChinese = simplifyChinese
        self.speakers = speakers
        self.options = options
        self.tableOptions = tableOptions
        self.inputs = inputs
        self.manifest = manifest
        self.codebooks = codebooks
        self.stopwords = stopwords
        self.totals = totals
        self.unmatchedCodes = unmatchedCodes
        self.diagnostics = diagnostics
        self.started = Self.timestamp(started)
        self.finished = Self.timestamp(finished)
    }

    /// A time as ISO 8601 in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The provenance as JSON, keys sorted.
    public func encoded() -> String {
        jsonFileText()
    }

    /// Reads the `run.json` of a results folder.
    public static func read(folder: String) throws(RunFolderError) -> RunProvenance {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else { throw .noProvenance(folder: folder) }
        let decoder = JSONDecoder()
        let provenance: RunProvenance
        do {
            provenance = try decoder.decode(RunProvenance.self, from: data)
        } catch {
            throw .unreadable(folder: folder, reason: "\(fileName) is not a run description (\(error))")
        }
        guard provenance.format <= currentFormat else {
            throw .unreadable(
                folder: folder, reason: "\(fileName) has format \(provenance.format); this version reads up to \(currentFormat)")
        }
        return provenance
    }
}

extension RunProvenance {
    /// The provenance of shards merged into one run: their inputs in path order, their totals added up (cases
    /// counted again over the merged documents), their diagnostics in shard order, the earliest start and `finished`.
    public static func merging(
        _ shards: [RunProvenance], commandLine: [String], cases: Int, finished: Date
    ) -> RunProvenance? {
        guard var merged = shards.first else { return nil }
        merged.commandLine = commandLine
        // Every shard reads the survey exports, and records its own documents of them: one record each, added up.
        var inputs: [String: Input] = [:]
        for input in shards.flatMap(\.inputs) {
            guard var known = inputs[input.path] else {
                inputs[input.path] = input
                continue
            }
            known.documents += input.documents
            known.skipped = known.skipped || input.skipped
            if known.format.isEmpty { (known.format, known.encoding) = (input.format, input.encoding) }
            inputs[input.path] = known
        }
        merged.inputs = inputs.values.sorted { $0.path < $1.path }
        func sum(_ value: (Totals) -> Int) -> Int { shards.reduce(0) { $0 + value($1.totals) } }
        merged.totals = Totals(
            inputs: merged.inputs.count, skippedInputs: sum(\.skippedInputs), documents: sum(\.documents), cases: cases,
            tokens: sum(\.tokens), characters: sum(\.characters), occurrences: sum(\.occurrences),
            warnings: sum(\.warnings), errors: sum(\.errors))
        // A code is unmatched in the whole run only when no shard matched it.
        let unmatched = shards.dropFirst().reduce(Set(merged.unmatchedCodes)) { $0.intersection($1.unmatchedCodes) }
        merged.unmatchedCodes = merged.unmatchedCodes.filter(unmatched.contains)
        merged.diagnostics = shards.flatMap(\.diagnostics)
        merged.started = shards.map(\.started).min() ?? merged.started
        merged.finished = timestamp(finished)
        return merged
    }
}
