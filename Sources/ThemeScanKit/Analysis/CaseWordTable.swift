/// How often each word occurs in each case, under integer word ids, for the `cases` column of `words.csv`.
///
/// A run with thousands of cases meets thousands of distinct words in each, so a dictionary of strings per case
/// (about 40 bytes an entry) made memory grow with the corpus; here each case keeps a sorted array of 8-byte
/// entries and each distinct word's text is kept once. Ids depend on the order words were met, so equality and
/// hashing go by words and counts, never by ids: tallies merged in any order are equal.
public struct CaseWordTable: Sendable {
    private var ids: [String: UInt32] = [:]
    private var texts: [String] = []
    /// For each case, entries `id << 32 | count`, ascending by id.
    private var cases: [String: [UInt64]] = [:]

    public init() {}

    public var isEmpty: Bool { cases.isEmpty }

    /// Adds the word counts of one document of `caseID`.
    public mutating func add(case caseID: String, words: [String: Int]) {
        guard !words.isEmpty else { return }
        var entries: [UInt64] = []
        entries.reserveCapacity(words.count)
        for (word, count) in words { entries.append(UInt64(id(of: word)) << 32 | Self.clamped(count)) }
        entries.sort()
        add(entries, to: caseID)
    }

    /// Adds another table into this one.
    public mutating func merge(_ other: CaseWordTable) {
        let mapping = other.texts.map { id(of: $0) }
        for (caseID, otherEntries) in other.cases {
            var entries = otherEntries.map { UInt64(mapping[Int($0 >> 32)]) << 32 | ($0 & 0xFFFF_FFFF) }
            entries.sort()
            add(entries, to: caseID)
        }
    }

    /// The number of cases in which each word occurs at least `minimum` times.
    public func caseCounts(minimum: Int = 1) -> [String: Int] {
        let threshold = UInt64(max(1, minimum))
        var counts = [Int](repeating: 0, count: texts.count)
        for entries in cases.values {
            for entry in entries where entry & 0xFFFF_FFFF >= threshold { counts[Int(entry >> 32)] += 1 }
        }
        var result: [String: Int] = [:]
        for (id, count) in counts.enumerated() where count > 0 { result[texts[id]] = count }
        return result
    }

    /// Every case's word counts by word text, for comparing tables.
    public var byCase: [String: [String: Int]] {
        cases.mapValues { entries in
            Dictionary(uniqueKeysWithValues: entries.map { (texts[Int($0 >> 32)], Int($0 & 0xFFFF_FFFF)) })
        }
    }

    private mutating func id(of word: String) -> UInt32 {
        if let id = ids[word] { return id }
        let id = UInt32(texts.count)
        ids[word] = id
        texts.append(word)
        return id
    }

    /// Counts are kept in 32 bits: a word met four billion times in one case stays at the most that fits.
    private static func clamped(_ count: Int) -> UInt64 { UInt64(min(max(0, count), Int(UInt32.max))) }

    /// Merges sorted `entries` into the case's sorted entries, adding counts of the same word.
    private mutating func add(_ entries: [UInt64], to caseID: String) {
        guard let existing = cases[caseID], !existing.isEmpty else {
            cases[caseID] = entries
            return
        }
        var merged: [UInt64] = []
        merged.reserveCapacity(existing.count + entries.count)
        var left = 0
        var right = 0
        while left < existing.count || right < entries.count {
            let leftID = left < existing.count ? existing[left] >> 32 : .max
            let rightID = right < entries.count ? entries[right] >> 32 : .max
            if leftID == rightID {
                let sum = Self.clamped(Int(existing[left] & 0xFFFF_FFFF) + Int(entries[right] & 0xFFFF_FFFF))
                merged.append(leftID << 32 | sum)
                left += 1
                right += 1
            } else if leftID < rightID {
                merged.append(existing[left])
                left += 1
            } else {
                merged.append(entries[right])
                right += 1
            }
        }
        cases[caseID] = merged
    }
}

extension CaseWordTable: Hashable {
    public static func == (lhs: CaseWordTable, rhs: CaseWordTable) -> Bool { lhs.byCase == rhs.byCase }

    public func hash(into hasher: inout Hasher) { hasher.combine(byCase) }
}
