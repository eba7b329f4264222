/// Counts per case under small integer keys (term indices, word ids), kept sparse: only keys a case has.
///
/// Runs can have a case per questionnaire row, tens of thousands of them, each with a few matches among
/// thousands of terms: a full array per case made memory grow by the codebook's size for every case. Each case
/// keeps a sorted array of 8-byte entries, `key << 32 | count`.
public struct CaseCountTable: Sendable, Hashable {
    private var cases: [String: [UInt64]] = [:]

    public init() {}

    public var isEmpty: Bool { cases.isEmpty }

    /// Adds counts of one case, given as (key, count) pairs with distinct keys; zero counts are left out.
    public mutating func add<Counts: Sequence<(key: Int, count: Int)>>(case caseID: String, _ counts: Counts) {
        var entries: [UInt64] = []
        for (key, count) in counts where count > 0 { entries.append(UInt64(key) << 32 | Self.clamped(count)) }
        guard !entries.isEmpty else { return }
        entries.sort()
        add(entries, to: caseID)
    }

    /// Adds another table into this one, its keys renamed by `key`.
    public mutating func merge(_ other: CaseCountTable, key: (Int) -> Int = { $0 }) {
        for (caseID, otherEntries) in other.cases {
            var entries = otherEntries.map { UInt64(key(Int($0 >> 32))) << 32 | ($0 & 0xFFFF_FFFF) }
            entries.sort()
            add(entries, to: caseID)
        }
    }

    /// For each key below `width`, the number of cases in which its count is at least `minimum`.
    public func caseCounts(minimum: Int = 1, width: Int) -> [Int] {
        let threshold = UInt64(max(1, minimum))
        var counts = [Int](repeating: 0, count: width)
        for entries in cases.values {
            for entry in entries where entry & 0xFFFF_FFFF >= threshold { counts[Int(entry >> 32)] += 1 }
        }
        return counts
    }

    /// One case's counts by key, `width` of them, zero for keys it does not have.
    public func counts(ofCase caseID: String, width: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: width)
        for entry in cases[caseID] ?? [] where Int(entry >> 32) < width { counts[Int(entry >> 32)] = Int(entry & 0xFFFF_FFFF) }
        return counts
    }

    /// The sum of one case's counts.
    public func total(ofCase caseID: String) -> Int {
        (cases[caseID] ?? []).reduce(0) { $0 + Int($1 & 0xFFFF_FFFF) }
    }

    /// Calls `body` once per case with the keys whose count there is at least `minimum`, in key order.
    public func forEachCase(keysReaching minimum: Int, _ body: ([Int]) -> Void) {
        let threshold = UInt64(max(1, minimum))
        var keys: [Int] = []
        for entries in cases.values {
            keys.removeAll(keepingCapacity: true)
            for entry in entries where entry & 0xFFFF_FFFF >= threshold { keys.append(Int(entry >> 32)) }
            body(keys)
        }
    }

    /// Each case's counts by key.
    public var byCase: [String: [Int: Int]] {
        cases.mapValues { entries in Dictionary(uniqueKeysWithValues: entries.map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) }) }
    }

    /// Counts are kept in 32 bits: a key met four billion times in one case stays at the most that fits.
    private static func clamped(_ count: Int) -> UInt64 { UInt64(min(max(0, count), Int(UInt32.max))) }

    /// Merges sorted `entries` into the case's sorted entries, adding counts of the same key.
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
            let leftKey = left < existing.count ? existing[left] >> 32 : .max
            let rightKey = right < entries.count ? entries[right] >> 32 : .max
            if leftKey == rightKey {
                let sum = Self.clamped(Int(existing[left] & 0xFFFF_FFFF) + Int(entries[right] & 0xFFFF_FFFF))
                merged.append(leftKey << 32 | sum)
                left += 1
                right += 1
            } else if leftKey < rightKey {
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
