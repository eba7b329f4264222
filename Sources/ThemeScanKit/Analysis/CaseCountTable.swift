/// Counts per case under small integer keys (term indices, word ids), kept sparse: only keys a case has.
///
/// Runs can have a case per questionnaire row, tens of thousands of them, each with a few matches among
/// thousands of terms: a full array per case made memory grow by the codebook's size for every case. Each case
/// keeps a sorted array of 8-byte entries, `key << 32 | count`.
///
/// A case known to be finished when it is added (a survey row or a file that is its own case) is never added to
/// again, and never looked up by name but through a `CaseList`: it is kept as one record in a buffer of words,
/// about 70 bytes for a survey row where a dictionary entry with its name and array took 180.
public struct CaseCountTable: Sendable, Hashable {
    private var cases: [String: [UInt64]] = [:]
    /// Finished cases, a record each: a word holding the name's UTF-8 length (high half) and the entry count, the
    /// entries, then the name's bytes in as many words as they fill.
    private var finished: [UInt64] = []

    public init() {}

    public var isEmpty: Bool { cases.isEmpty && finished.isEmpty }

    /// Adds counts of one case, given as (key, count) pairs with distinct keys; zero counts are left out.
    public mutating func add<Counts: Sequence<(key: Int, count: Int)>>(case caseID: String, _ counts: Counts) {
        var entries: [UInt64] = []
        for (key, count) in counts where count > 0 { entries.append(UInt64(key) << 32 | Self.clamped(count)) }
        guard !entries.isEmpty else { return }
        entries.sort()
        add(entries, to: caseID)
    }

    /// Adds the counts of a case that nothing else will be added to, as `add(case:_:)` does; `CaseList` finds it.
    mutating func add<Counts: Sequence<(key: Int, count: Int)>>(finishedCase caseID: String, _ counts: Counts) {
        var entries: [UInt64] = []
        for (key, count) in counts where count > 0 { entries.append(UInt64(key) << 32 | Self.clamped(count)) }
        guard !entries.isEmpty else { return }
        entries.sort()
        appendFinished(caseID.utf8, entries: entries)
    }

    private mutating func appendFinished(_ name: some Collection<UInt8>, entries: some Collection<UInt64>) {
        precondition(name.count <= Int(UInt32.max) && entries.count <= Int(UInt32.max), "a case past 4 GiB")
        finished.append(UInt64(name.count) << 32 | UInt64(entries.count))
        finished.append(contentsOf: entries)
        let nameStart = finished.count
        finished.append(contentsOf: repeatElement(0, count: (name.count + 7) / 8))
        finished[nameStart...].withUnsafeMutableBytes { $0.copyBytes(from: name) }
    }

    /// Calls `body` with where each finished case's record starts, its name's UTF-8 bytes and its entries.
    func forEachFinished(_ body: (Int, UnsafeRawBufferPointer, UnsafeBufferPointer<UInt64>) -> Void) {
        finished.withUnsafeBufferPointer { words in
            var offset = 0
            while offset < words.count {
                let record = Self.finishedRecord(in: words, at: offset)
                body(offset, record.name, record.entries)
                offset = record.end
            }
        }
    }

    /// Calls `body` with a function that gives the UTF-8 bytes of the name of the finished case whose record starts
    /// at an offset (from `forEachFinished`), valid while `body` runs.
    func withFinishedNames<Result>(_ body: ((Int) -> UnsafeRawBufferPointer) -> Result) -> Result {
        finished.withUnsafeBufferPointer { words in body { Self.finishedRecord(in: words, at: $0).name } }
    }

    /// The entries of the finished case whose record starts at `offset` (from `forEachFinished`).
    func withFinishedEntries<Result>(at offset: Int, _ body: (UnsafeBufferPointer<UInt64>) -> Result) -> Result {
        finished.withUnsafeBufferPointer { body(Self.finishedRecord(in: $0, at: offset).entries) }
    }

    /// The name and entries of the finished case whose record starts at `offset`, and where the record ends.
    private static func finishedRecord(in words: UnsafeBufferPointer<UInt64>, at offset: Int) -> (
        name: UnsafeRawBufferPointer, entries: UnsafeBufferPointer<UInt64>, end: Int
    ) {
        let nameLength = Int(words[offset] >> 32)
        let entryCount = Int(words[offset] & 0xFFFF_FFFF)
        let nameStart = offset + 1 + entryCount
        let name = UnsafeRawBufferPointer(start: words.baseAddress! + nameStart, count: nameLength)
        return (name, UnsafeBufferPointer(rebasing: words[(offset + 1)..<nameStart]), nameStart + (nameLength + 7) / 8)
    }

    /// Adds another table into this one, its keys renamed by `key`.
    public mutating func merge(_ other: CaseCountTable, key: (Int) -> Int = { $0 }) {
        for (caseID, otherEntries) in other.cases {
            add(Self.renamed(otherEntries, key: key), to: caseID)
        }
        other.forEachFinished { _, name, entries in appendFinished(name, entries: Self.renamed(entries, key: key)) }
    }

    private static func renamed(_ entries: some Collection<UInt64>, key: (Int) -> Int) -> [UInt64] {
        var renamed = entries.map { UInt64(key(Int($0 >> 32))) << 32 | ($0 & 0xFFFF_FFFF) }
        renamed.sort()
        return renamed
    }

    /// For each key below `width`, the number of cases in which its count is at least `minimum`.
    public func caseCounts(minimum: Int = 1, width: Int) -> [Int] {
        let threshold = UInt64(max(1, minimum))
        var counts = [Int](repeating: 0, count: width)
        func count(_ entries: some Sequence<UInt64>) {
            for entry in entries where entry & 0xFFFF_FFFF >= threshold { counts[Int(entry >> 32)] += 1 }
        }
        for entries in cases.values { count(entries) }
        forEachFinished { _, _, entries in count(entries) }
        return counts
    }

    /// One case's counts by key, `width` of them, zero for keys it does not have. A finished case is found by
    /// reading every finished one: tables read them through a `CaseList`.
    public func counts(ofCase caseID: String, width: Int) -> [Int] {
        Self.counts(entries(ofCase: caseID, includingFinished: true), width: width)
    }

    /// The sum of one case's counts; a finished case is found as `counts(ofCase:width:)` finds it.
    public func total(ofCase caseID: String) -> Int {
        Self.total(entries(ofCase: caseID, includingFinished: true))
    }

    /// The counts of a case that is not a finished one, as `counts(ofCase:width:)` gives them.
    func counts(ofUnfinishedCase caseID: String, width: Int) -> [Int] {
        Self.counts(entries(ofCase: caseID, includingFinished: false), width: width)
    }

    /// The sum of the counts of a case that is not a finished one.
    func total(ofUnfinishedCase caseID: String) -> Int {
        Self.total(entries(ofCase: caseID, includingFinished: false))
    }

    private func entries(ofCase caseID: String, includingFinished: Bool) -> [UInt64] {
        if let entries = cases[caseID] { return entries }
        var found: [UInt64] = []
        if includingFinished {
            forEachFinished { _, name, entries in
                if found.isEmpty, String(decoding: name, as: UTF8.self) == caseID { found = Array(entries) }
            }
        }
        return found
    }

    private static func counts(_ entries: some Sequence<UInt64>, width: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: width)
        for entry in entries where Int(entry >> 32) < width { counts[Int(entry >> 32)] = Int(entry & 0xFFFF_FFFF) }
        return counts
    }

    private static func total(_ entries: some Sequence<UInt64>) -> Int {
        entries.reduce(0) { $0 + Int($1 & 0xFFFF_FFFF) }
    }

    /// The counts of the finished case whose record starts at `offset` (from `forEachFinished`), as
    /// `counts(ofCase:width:)` gives them.
    func counts(ofFinishedAt offset: Int, width: Int) -> [Int] {
        withFinishedEntries(at: offset) { Self.counts($0, width: width) }
    }

    /// The sum of the counts of the finished case whose record starts at `offset`.
    func total(ofFinishedAt offset: Int) -> Int {
        withFinishedEntries(at: offset) { Self.total($0) }
    }

    /// Calls `body` once per case with the keys whose count there is at least `minimum`, in key order.
    public func forEachCase(keysReaching minimum: Int, _ body: ([Int]) -> Void) {
        let threshold = UInt64(max(1, minimum))
        var keys: [Int] = []
        func visit(_ entries: some Sequence<UInt64>) {
            keys.removeAll(keepingCapacity: true)
            for entry in entries where entry & 0xFFFF_FFFF >= threshold { keys.append(Int(entry >> 32)) }
            body(keys)
        }
        for entries in cases.values { visit(entries) }
        forEachFinished { _, _, entries in visit(entries) }
    }

    /// Each case's counts by key, finished cases included.
    public var byCase: [String: [Int: Int]] {
        func counts(_ entries: some Sequence<UInt64>) -> [Int: Int] {
            Dictionary(uniqueKeysWithValues: entries.map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) })
        }
        var byCase = cases.mapValues(counts)
        forEachFinished { _, name, entries in byCase[String(decoding: name, as: UTF8.self)] = counts(entries) }
        return byCase
    }

    /// Equal when every case has the same counts, however the cases were added and in whatever order.
    public static func == (left: CaseCountTable, right: CaseCountTable) -> Bool { left.byCase == right.byCase }

    public func hash(into hasher: inout Hasher) { hasher.combine(byCase) }

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
