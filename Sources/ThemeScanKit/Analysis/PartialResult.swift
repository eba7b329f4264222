/// What `analyze --shard I/N` writes beside its tables (`partial.json`) so that `merge` can combine shards into
/// the outputs of one run.
///
/// The shard's documents are not in it but in `partial-documents.bin`, a record each in the order of its
/// `matches.csv` (`PartialDocumentWriter`, `PartialDocument.appendRecord(to:)`): a shard writes them as it goes
/// and `merge` reads them as it goes, so neither holds them all. As one JSON file, a shard of a survey export of
/// 276,000 rows made 685 MB of text in memory, at a peak of 5.2 GB, and `merge` read it whole.
///
/// The codebook's outline (codes, labels, terms) and the table options travel with it, so merging needs no
/// codebook and writes the tables the shards' options ask for; the codebook identity and the settings make sure
/// every shard counted the same way.
public struct PartialResult: Sendable, Codable, Equatable {
    /// The file name in a shard's output folder.
    public static let fileName = "partial.json"
    /// The file of the shard's documents, beside `partial.json`.
    public static let documentsFileName = "partial-documents.bin"
    /// The version of this format; merge refuses others.
    public static let currentFormat = 3

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
    /// How many documents `partial-documents.bin` holds, in the order the shard's `matches.csv` and
    /// `documents.csv` list them.
    public var documentCount: Int

    public init(
        shard: Shard, inputCount: Int, codebook: String, settings: String, outline: RunCodebook,
        options: TableOptions, facts: ReportRunFacts, documentCount: Int
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
        self.documentCount = documentCount
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
