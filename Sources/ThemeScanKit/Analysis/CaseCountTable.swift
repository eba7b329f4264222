/// Counts per case under small integer keys (term indices, word ids), kept sparse: only keys a case has.
///
/// Runs can have a case per questionnaire row, tens of thousands of them, each with a few matches among
/// thousands of terms: a full array per case made memory grow by the codebook's size for every case. Each case
/// keeps a sorted array of 8-byte entries, `key << 32 | count`.
///
/// A case known to be finished when it is added (a survey row or a file that is its own case) is never added to
/// again, and never looked up by name but through a `CaseList`: it is kept as one record (`CaseRecord`) in a buffer
/// of words, about 70 bytes for a survey row where a dictionary entry with its name and array took 180. The run
/// sets them aside in a file as the buffer grows (`setAsideFinished(to:)`), so that an export's rows do not stay in
/// memory to its end.
public struct CaseCountTable: Sendable, Hashable {
    /// Finished cases set aside in a file, in the order of their names.
    struct SetAsideRun: Sendable {
        let file: SetAsideFile
        /// Where the run's records are in the file, in words.
        let words: Range<Int>
        let count: Int
    }

    /// Cases not finished, with their entries; a case with none has an empty array, so that every case added is
    /// listed.
    private(set) var cases: [String: [UInt64]] = [:]
    /// Finished cases held, a `CaseRecord` each.
    private var finished: [UInt64] = []
    private var finishedCount = 0
    /// Finished cases set aside (`setAsideFinished(to:)`).
    private(set) var setAside: [SetAsideRun] = []

    public init() {}

    /// Whether no case has a count.
    public var isEmpty: Bool {
        var counted = cases.values.contains { !$0.isEmpty }
        if !counted { forEachFinished { record in if !record.entries.isEmpty { counted = true } } }
        return !counted
    }

    /// How many cases were added, with counts or without.
    public var caseCount: Int { cases.count + finishedCount + setAside.reduce(0) { $0 + $1.count } }

    /// The bytes that the finished cases held take.
    var heldFinishedBytes: Int { finished.count * MemoryLayout<UInt64>.size }

    /// Adds counts of one case, given as (key, count) pairs with distinct keys; zero counts are left out, and a case
    /// with none is listed still.
    public mutating func add<Counts: Sequence<(key: Int, count: Int)>>(case caseID: String, _ counts: Counts) {
        var entries: [UInt64] = []
        for (key, count) in counts where count > 0 { entries.append(UInt64(key) << 32 | Self.clamped(count)) }
        entries.sort()
        add(entries, to: caseID)
    }

    /// Adds the counts of a case that nothing else will be added to, as `add(case:_:)` does; `CaseList` finds it.
    mutating func add<Counts: Sequence<(key: Int, count: Int)>>(finishedCase caseID: String, _ counts: Counts) {
        var entries: [UInt64] = []
        for (key, count) in counts where count > 0 { entries.append(UInt64(key) << 32 | Self.clamped(count)) }
        entries.sort()
        CaseRecord.append(name: caseID.utf8, isNFC: ICU.isNFC(caseID), entries: entries, to: &finished)
        finishedCount += 1
    }

    /// Writes the finished cases held to `writer`'s file in the order of their names, as a run of their own that
    /// the table reads from there, and lets them go: a survey export has one a row.
    mutating func setAsideFinished(to writer: inout SetAsideWriter) throws(TextError) {
        guard finishedCount > 0 else { return }
        let start = writer.count
        try finished.withUnsafeBufferPointer { words throws(TextError) in
            for offset in Self.sortedRecords(in: words) {
                let length = CaseRecord.wordCount(header: words[offset])
                try writer.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: words[offset..<(offset + length)])))
            }
        }
        let file = try writer.flush()
        let size = MemoryLayout<UInt64>.size
        setAside.append(SetAsideRun(file: file, words: (start / size)..<(writer.count / size), count: finishedCount))
        finished.removeAll(keepingCapacity: true)
        finishedCount = 0
    }

    /// Where each record of `words` starts, in the order of the records' names.
    static func sortedRecords(in words: UnsafeBufferPointer<UInt64>) -> [Int] {
        var offsets: [Int] = []
        var offset = 0
        while offset < words.count {
            offsets.append(offset)
            offset += CaseRecord.wordCount(header: words[offset])
        }
        offsets.sort { CaseRecord(in: words, at: $0).precedes(CaseRecord(in: words, at: $1)) }
        return offsets
    }

    /// Calls `body` with the finished cases held, as records.
    func withHeldFinished<Result>(_ body: (UnsafeBufferPointer<UInt64>) throws(TextError) -> Result) throws(TextError) -> Result {
        try finished.withUnsafeBufferPointer { words throws(TextError) in try body(words) }
    }

    /// Calls `body` with each finished case, held or set aside, in no particular order.
    func forEachFinished(_ body: (CaseRecord) -> Void) {
        finished.withUnsafeBufferPointer { words in
            var offset = 0
            while offset < words.count {
                let record = CaseRecord(in: words, at: offset)
                body(record)
                offset += record.wordCount
            }
        }
        for run in setAside {
            let reader = CaseRecordReader(file: run.file, words: run.words)
            while let record = reader.nextRecord() { body(record) }
        }
    }

    /// Adds another table into this one, its keys renamed by `key` when given; a table whose finished cases were
    /// set aside is merged as it is.
    public mutating func merge(_ other: CaseCountTable, key: ((Int) -> Int)? = nil) {
        guard let key else {
            for (caseID, otherEntries) in other.cases { add(otherEntries, to: caseID) }
            finished += other.finished
            finishedCount += other.finishedCount
            setAside += other.setAside
            return
        }
        precondition(other.setAside.isEmpty, "finished cases set aside are merged as they are")
        func renamed(_ entries: some Collection<UInt64>) -> [UInt64] {
            var renamed = entries.map { UInt64(key(Int($0 >> 32))) << 32 | ($0 & 0xFFFF_FFFF) }
            renamed.sort()
            return renamed
        }
        for (caseID, otherEntries) in other.cases { add(renamed(otherEntries), to: caseID) }
        other.forEachFinished { record in
            CaseRecord.append(name: record.name, isNFC: record.isNFC, entries: renamed(record.entries), to: &finished)
            finishedCount += 1
        }
    }

    /// For each key below `width`, the number of cases in which its count is at least `minimum`.
    public func caseCounts(minimum: Int = 1, width: Int) -> [Int] {
        let threshold = UInt64(max(1, minimum))
        var counts = [Int](repeating: 0, count: width)
        func count(_ entries: some Sequence<UInt64>) {
            for entry in entries where entry & 0xFFFF_FFFF >= threshold { counts[Int(entry >> 32)] += 1 }
        }
        for entries in cases.values { count(entries) }
        forEachFinished { count($0.entries) }
        return counts
    }

    /// One case's counts by key, `width` of them, zero for keys it does not have. A finished case is found by
    /// reading every finished one: tables read them through a `CaseList`.
    public func counts(ofCase caseID: String, width: Int) -> [Int] {
        if let entries = cases[caseID] { return Self.counts(entries, width: width) }
        var counts: [Int]?
        forEachFinished { record in
            if counts == nil, String(decoding: record.name, as: UTF8.self) == caseID { counts = record.counts(width: width) }
        }
        return counts ?? Array(repeating: 0, count: width)
    }

    /// The sum of one case's counts; a finished case is found as `counts(ofCase:width:)` finds it.
    public func total(ofCase caseID: String) -> Int {
        if let entries = cases[caseID] { return entries.reduce(0) { $0 + Int($1 & 0xFFFF_FFFF) } }
        var total: Int?
        forEachFinished { record in
            if total == nil, String(decoding: record.name, as: UTF8.self) == caseID { total = record.total }
        }
        return total ?? 0
    }

    static func counts(_ entries: some Sequence<UInt64>, width: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: width)
        for entry in entries where Int(entry >> 32) < width { counts[Int(entry >> 32)] = Int(entry & 0xFFFF_FFFF) }
        return counts
    }

    /// Calls `body` once per case with counts, with the keys whose count there is at least `minimum`, in key order.
    public func forEachCase(keysReaching minimum: Int, _ body: ([Int]) -> Void) {
        let threshold = UInt64(max(1, minimum))
        var keys: [Int] = []
        func visit(_ entries: some Collection<UInt64>) {
            guard !entries.isEmpty else { return }
            keys.removeAll(keepingCapacity: true)
            for entry in entries where entry & 0xFFFF_FFFF >= threshold { keys.append(Int(entry >> 32)) }
            body(keys)
        }
        for entries in cases.values { visit(entries) }
        forEachFinished { visit($0.entries) }
    }

    /// Each case's counts by key, finished cases included; cases without counts are left out.
    public var byCase: [String: [Int: Int]] {
        func counts(_ entries: some Sequence<UInt64>) -> [Int: Int] {
            Dictionary(uniqueKeysWithValues: entries.map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) })
        }
        var byCase = cases.filter { !$0.value.isEmpty }.mapValues(counts)
        forEachFinished { record in
            if !record.entries.isEmpty { byCase[String(decoding: record.name, as: UTF8.self)] = counts(record.entries) }
        }
        return byCase
    }

    /// Equal when every case has the same counts, however the cases were added and in whatever order.
    public static func == (left: CaseCountTable, right: CaseCountTable) -> Bool { left.byCase == right.byCase }

    public func hash(into hasher: inout Hasher) { hasher.combine(byCase) }

    /// Counts are kept in 32 bits: a key met four billion times in one case stays at the most that fits.
    private static func clamped(_ count: Int) -> UInt64 { UInt64(min(max(0, count), Int(UInt32.max))) }

    /// Merges sorted `entries` into the case's sorted entries, adding counts of the same key.
    private mutating func add(_ entries: [UInt64], to caseID: String) {
        guard !entries.isEmpty else {
            if cases[caseID] == nil { cases[caseID] = [] }
            return
        }
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
