/// The `matches.csv` row prefix of each speaker and role of one document, rendered once each.
///
/// A transcript has a few speakers and many turns, and turns alternate between them: a short list searched in
/// order finds a turn's prefix without hashing its speaker's name, which for a Chinese name meant checking its
/// normalization first (half a percent of a run). Past `listed` speakers, the rest go to a dictionary.
struct RowPrefixCache {
    private struct Key: Hashable {
        var speaker: String?
        var role: SpeakerRole
    }

    private static let listed = 8
    private var list: [(key: Key, prefix: [UInt8])] = []
    private var others: [Key: [UInt8]] = [:]

    /// The prefix of `speaker` and `role`, rendered by `render` the first time they are asked for.
    mutating func prefix(speaker: String?, role: SpeakerRole, render: () -> [UInt8]) -> [UInt8] {
        let key = Key(speaker: speaker, role: role)
        for entry in list where entry.key == key { return entry.prefix }
        if let prefix = others[key] { return prefix }
        let prefix = render()
        if list.count < Self.listed { list.append((key, prefix)) } else { others[key] = prefix }
        return prefix
    }
}
