/// Why shards could not be merged; each message says what was found and what to do.
public enum MergeError: Error, Equatable, CustomStringConvertible {
    /// A folder holds no `partial.json`.
    case notAPartial(folder: String)
    /// A `partial.json` or `matches.csv` could not be read or does not fit its shard.
    case unreadable(folder: String, reason: String)
    /// A shard's file was replaced while `merge` read it (`file` is its path).
    case changedWhileMerging(file: String)
    /// A `partial.json` of another format version.
    case unsupportedFormat(folder: String, found: Int)
    /// Shards split the inputs into different numbers of parts; each entry is `folder: I/N`.
    case mixedShardCounts([String])
    /// Shards disagree on the number of inputs; each entry is `folder: count`.
    case mixedInputCounts([String])
    /// Shards used different codebooks; each entry is `folder: identity`.
    case differentCodebooks([String])
    /// Shards ran with different options; each entry is `folder: settings`.
    case differentSettings([String])
    /// A shard was given more than once.
    case duplicateShard(String, folders: [String])
    /// Some shards are missing.
    case missingShards([Int], of: Int)

    public var description: String {
        func list(_ entries: [String]) -> String { entries.map { "\n  " + $0 }.joined() }
        switch self {
        case .notAPartial(let folder):
            return "\(folder) holds no \(PartialResult.fileName): merge the folders written by `analyze --shard I/N`"
        case .unreadable(let folder, let reason):
            return "cannot read the shard in \(folder): \(reason); run that shard again"
        case .changedWhileMerging(let file):
            return "\(file) was replaced while it was being merged: merge again once nothing writes to the shards' folders"
        case .unsupportedFormat(let folder, let found):
            return "\(folder) was written in partial format \(found), this themescan reads format \(PartialResult.currentFormat): run the shards with one themescan version"
        case .mixedShardCounts(let entries):
            return "the shards split the inputs in different ways; give the shards of one run (same N):" + list(entries)
        case .mixedInputCounts(let entries):
            return "the shards saw different input lists; run every shard on the same inputs:" + list(entries)
        case .differentCodebooks(let entries):
            return "the shards used different codebooks; run every shard with the same --lexicon files:" + list(entries)
        case .differentSettings(let entries):
            return "the shards ran with different options; run every shard with the same options:" + list(entries)
        case .duplicateShard(let shard, let folders):
            return "shard \(shard) was given more than once; give each shard once:" + list(folders)
        case .missingShards(let missing, let count):
            let names = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
            return "missing shard(s) \(names): run them (analyze --shard I/\(count)) and merge all \(count) folders"
        }
    }
}
