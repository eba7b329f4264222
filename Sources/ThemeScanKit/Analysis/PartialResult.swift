/// What `analyze --shard I/N` writes beside its tables (`partial.json`) so that `merge` can combine shards into
/// the outputs of one run.
///
/// The codebook's outline (codes, labels, terms) and the table options travel with it, so merging needs no
/// codebook and writes the tables the shards' options ask for; the codebook identity and the settings make sure
/// every shard counted the same way.
public struct PartialResult: Sendable, Codable, Equatable {
    /// The file name in a shard's output folder.
    public static let fileName = "partial.json"
    /// The version of this format; merge refuses others.
    public static let currentFormat = 2

    public var format: Int
    /// The shard's 1-based index and the number of shards.
    public var shard: Int
    public var shardCount: Int
    /// How many inputs the full run has, across all shards.
    public var inputCount: Int
    /// A hash of the codebook files' bytes (`identity(of:)`).
    public var codebook: String
    /// The options that change what is counted or written, as text, so a mismatch can be shown.
    public var settings: String
    /// The codes and terms the tables list.
    public var outline: RunCodebook
    /// How the tables are made.
    public var options: TableOptions
    /// What the report says about how the run was made.
    public var facts: ReportRunFacts
    /// The shard's documents in the order its `matches.csv` and `documents.csv` list them.
    public var documents: [PartialDocument]

    public init(
        shard: Shard, inputCount: Int, codebook: String, settings: String, outline: RunCodebook,
        options: TableOptions, facts: ReportRunFacts, documents: [PartialDocument]
    ) {
        format = Self.currentFormat
        self.shard = shard.index
        shardCount = shard.count
        self.inputCount = inputCount
        self.codebook = codebook
        self.settings = settings
        self.outline = outline
        self.options = options
        self.facts = facts
        self.documents = documents
    }

    /// A short identity of files (codebooks, a manifest): FNV-1a (64 bits) over each file's length and bytes, in order.
    ///
    /// FNV-1a is written here because none of the packages this project may use offers a hash of bytes; it tells
    /// files apart for a consistency check, which needs no cryptographic strength.
    public static func identity(of files: [[UInt8]]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        for file in files {
            withUnsafeBytes(of: UInt64(file.count).littleEndian) { $0.forEach(mix) }
            file.forEach(mix)
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
