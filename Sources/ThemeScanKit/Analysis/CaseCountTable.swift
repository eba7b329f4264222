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
///
/// Cases kept by name are set aside too once they take much memory (`setAsideCases(to:)`), when a case column names
/// every row: a case may then have records in several runs, and every reading adds them up, in the order of the
/// names (`forEachCaseInOrder(_:)`, through `CaseRecordMerge`).
public struct CaseCountTable: Sendable, Hashable {
    /// Cases set aside in a file, in the order of their names.
    struct SetAsideRun: Sendable {
        let file: SetAsideFile
        /// Where the run's records are in the file, in words.
        let words: Range<Int>
        let count: Int
        /// The table's key for each key of the run's records, when the run was counted under other numbers (a
        /// worker's word ids, merged into another table's).
        var keys: [Int]?
    }

    /// Cases not finished, with their entries; a case with none has an empty array, so that every case added is
    /// listed.
    private(set) var cases: [String: [UInt64]] = [:]
    /// About the bytes that `cases` takes: its names, entries and a dictionary slot with two arrays' headers each.
    private(set) var heldCaseBytes = 0
    /// Finished cases held, a `CaseRecord` each.
    private var finished: [UInt64] = []
    private var finishedCount = 0
    /// Cases set aside (`setAsideFinished(to:)`, `setAsideCases(to:)`).
    private(set) var setAside: [SetAsideRun] = []
    /// Whether cases kept by name were set aside: a case may then have records in several runs and in `cases`, and
    /// every reading merges them (`forEachCaseInOrder(_:)`).
    private(set) var casesRepeat = false

    public init() {}

    /// Whether no case has a count.
    public var isEmpty: Bool {
        var counted = false
        forEachRecord { entries in if !entries.isEmpty { counted = true } }
        return !counted
    }

    /// How many cases were added, with counts or without.
    public var caseCount: Int {
        guard casesRepeat else { return cases.count + finishedCount + setAside.reduce(0) { $0 + $1.count } }
        var count = 0
        forEachCaseInOrder { _ in count += 1 }
        return count
    }

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
        try addRun(from: start, of: &writer, count: finishedCount)
        finished.removeAll(keepingCapacity: true)
        finishedCount = 0
    }

    /// Writes the cases kept by name to `writer`'s file in the order of their names, as a run the table reads from
    /// there, and lets them go: when a case column names every row of an export, no case is known to be finished
    /// before the end. Later counts of the same cases go into new runs, and every reading adds them up.
    mutating func setAsideCases(to writer: inout SetAsideWriter) throws(TextError) {
        guard !cases.isEmpty else { return }
        let start = writer.count
        try namedRecords.withUnsafeBufferPointer { words throws(TextError) in
            try writer.append(UnsafeRawBufferPointer(words))
        }
        try addRun(from: start, of: &writer, count: cases.count)
        cases = [:]
        heldCaseBytes = 0
        casesRepeat = true
    }

    /// Records what `writer` took since byte `start` as a run of `count` cases.
    private mutating func addRun(from start: Int, of writer: inout SetAsideWriter, count: Int) throws(TextError) {
        let file = try writer.flush()
        let size = MemoryLayout<UInt64>.size
        setAside.append(SetAsideRun(file: file, words: (start / size)..<(writer.count / size), count: count))
    }

    /// The cases kept by name as records, in the order of their names.
    private var namedRecords: [UInt64] {
        var words: [UInt64] = []
        for (name, entries) in cases.sorted(by: { $0.key < $1.key }) {
            CaseRecord.append(name: name.utf8, isNFC: ICU.isNFC(name), entries: entries, to: &words)
        }
        return words
    }

    /// Where each record of `words` starts, in the order of the records' names.
    static func sortedRecords(in words: UnsafeBufferPointer<UInt64>) -> [Int] {
        var offsets: [Int] = []
        CaseRecord.forEach(in: words) { _, offset in offsets.append(offset) }
        offsets.sort { CaseRecord(in: words, at: $0).precedes(CaseRecord(in: words, at: $1)) }
        return offsets
    }

    /// Calls `body` with every case once, with its counts, in the order of the names: the cases kept by name, the
    /// finished ones and those set aside, a case's records in several runs added up.
    func forEachCaseInOrder<Failure: Error>(_ body: (CaseRecord) throws(Failure) -> Void) throws(Failure) {
        let named = namedRecords
        try finished.withUnsafeBufferPointer { held throws(Failure) in
            try named.withUnsafeBufferPointer { named throws(Failure) in
                var merge = CaseRecordMerge(
                    [CaseRecordMerge.Source(words: named), CaseRecordMerge.Source(words: held, order: Self.sortedRecords(in: held))]
                        + setAside.map { CaseRecordMerge.Source(file: $0.file, words: $0.words, keys: $0.keys) })
                try merge.forEachCase(body)
            }
        }
    }

    /// Calls `body` with the entries of every case once, in no particular order, under the table's keys.
    private func forEachCaseEntries(_ body: (UnsafeBufferPointer<UInt64>) -> Void) {
        guard !casesRepeat, !setAside.contains(where: { $0.keys != nil }) else {
            forEachCaseInOrder { body($0.entries) }
            return
        }
        forEachRecord(body)
    }

    /// Calls `body` with the entries of every record the table has, kept by name, finished or set aside, in no
    /// particular order and under the keys they were counted with: once per case unless cases repeat.
    private func forEachRecord(_ body: (UnsafeBufferPointer<UInt64>) -> Void) {
        for entries in cases.values { entries.withUnsafeBufferPointer(body) }
        finished.withUnsafeBufferPointer { words in CaseRecord.forEach(in: words) { record, _ in body(record.entries) } }
        for run in setAside {
            let reader = CaseRecordReader(file: run.file, words: run.words)
            while let record = reader.nextRecord() { body(record.entries) }
        }
    }

    /// Adds another table into this one, its keys renamed by `keys` (the new key of each of its keys) when given.
    /// Cases the other table set aside stay where they are, and are read from there with its keys renamed.
    public mutating func merge(_ other: CaseCountTable, keys: [Int]? = nil) {
        casesRepeat = casesRepeat || other.casesRepeat
        for var run in other.setAside {
            if let keys { run.keys = run.keys.map { $0.map { keys[$0] } } ?? keys }
            setAside.append(run)
        }
        guard let keys else {
            for (caseID, otherEntries) in other.cases { add(otherEntries, to: caseID) }
            finished += other.finished
            finishedCount += other.finishedCount
            return
        }
        func renamed(_ entries: some Collection<UInt64>) -> [UInt64] {
            var renamed = entries.map { UInt64(keys[Int($0 >> 32)]) << 32 | ($0 & 0xFFFF_FFFF) }
            renamed.sort()
            return renamed
        }
        for (caseID, otherEntries) in other.cases { add(renamed(otherEntries), to: caseID) }
        other.finished.withUnsafeBufferPointer { words in
            CaseRecord.forEach(in: words) { record, _ in
                CaseRecord.append(name: record.name, isNFC: record.isNFC, entries: renamed(record.entries), to: &finished)
            }
        }
        finishedCount += other.finishedCount
    }

    /// For each key below `width`, the number of cases in which its count is at least `minimum`.
    public func caseCounts(minimum: Int = 1, width: Int) -> [Int] {
        let threshold = UInt64(max(1, minimum))
        var counts = [Int](repeating: 0, count: width)
        forEachCaseEntries { entries in
            for entry in entries where entry & 0xFFFF_FFFF >= threshold { counts[Int(entry >> 32)] += 1 }
        }
        return counts
    }

    /// One case's counts by key, `width` of them, zero for keys it does not have. A case not kept by name is found
    /// by reading every case: tables read them through a `CaseList`.
    public func counts(ofCase caseID: String, width: Int) -> [Int] {
        if !casesRepeat, let entries = cases[caseID] { return Self.counts(entries, width: width) }
        var counts: [Int]?
        forEachCaseInOrder { record in
            if counts == nil, String(decoding: record.name, as: UTF8.self) == caseID { counts = record.counts(width: width) }
        }
        return counts ?? Array(repeating: 0, count: width)
    }

    /// The sum of one case's counts; a case is found as `counts(ofCase:width:)` finds it.
    public func total(ofCase caseID: String) -> Int {
        if !casesRepeat, let entries = cases[caseID] { return entries.reduce(0) { $0 + Int($1 & 0xFFFF_FFFF) } }
        var total: Int?
        forEachCaseInOrder { record in
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
        forEachCaseEntries { entries in
            guard !entries.isEmpty else { return }
            keys.removeAll(keepingCapacity: true)
            for entry in entries where entry & 0xFFFF_FFFF >= threshold { keys.append(Int(entry >> 32)) }
            body(keys)
        }
    }

    /// Each case's counts by key, finished cases included; cases without counts are left out.
    public var byCase: [String: [Int: Int]] {
        var byCase: [String: [Int: Int]] = [:]
        forEachCaseInOrder { record in
            guard !record.entries.isEmpty else { return }
            byCase[String(decoding: record.name, as: UTF8.self)] = Dictionary(
                uniqueKeysWithValues: record.entries.map { (Int($0 >> 32), Int($0 & 0xFFFF_FFFF)) })
        }
        return byCase
    }

    /// Equal when every case has the same counts, however the cases were added and in whatever order.
    public static func == (left: CaseCountTable, right: CaseCountTable) -> Bool { left.byCase == right.byCase }

    public func hash(into hasher: inout Hasher) { hasher.combine(byCase) }

    /// Counts are kept in 32 bits: a key met four billion times in one case stays at the most that fits.
    static func clamped(_ count: Int) -> UInt64 { UInt64(min(max(0, count), Int(UInt32.max))) }

    /// `entries` sorted by key, with the counts of each key added into one entry.
    static func summed(_ entries: [UInt64]) -> [UInt64] {
        var summed: [UInt64] = []
        summed.reserveCapacity(entries.count)
        for entry in entries {
            if let last = summed.last, last >> 32 == entry >> 32 {
                summed[summed.count - 1] = (last & 0xFFFF_FFFF_0000_0000) | clamped(Int(last & 0xFFFF_FFFF) + Int(entry & 0xFFFF_FFFF))
            } else {
                summed.append(entry)
            }
        }
        return summed
    }

    /// Merges sorted `entries` into the case's sorted entries, adding counts of the same key.
    private mutating func add(_ entries: [UInt64], to caseID: String) {
        guard let existing = cases[caseID] else {
            cases[caseID] = entries
            heldCaseBytes += Self.caseBytes + caseID.utf8.count + entries.count * MemoryLayout<UInt64>.size
            return
        }
        guard !entries.isEmpty else { return }
        guard !existing.isEmpty else {
            cases[caseID] = entries
            heldCaseBytes += entries.count * MemoryLayout<UInt64>.size
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
        heldCaseBytes += (merged.count - existing.count) * MemoryLayout<UInt64>.size
        cases[caseID] = merged
    }

    /// About what a case kept by name takes besides its name's and entries' bytes: its dictionary slot (a string and
    /// an array, 24 bytes), the array's header and allocation rounding, and the dictionary's spare slots.
    private static let caseBytes = 96
}
