/// Merges runs of case records, each in the order of its names, into one pass in that order, with the records of
/// one case in several runs combined into one: their counts added key by key.
///
/// A run is a buffer of records (in its order, or in a given order of offsets) or a range of a `SetAsideFile`. A
/// run counted by another table than the one read may carry its keys' new numbers (`keys`), as a worker's word ids
/// become those of the table it was merged into.
struct CaseRecordMerge {
    /// One run of records in order.
    struct Source {
        private var words = UnsafeBufferPointer<UInt64>(start: nil, count: 0)
        private var order: [Int]?
        private var reader: CaseRecordReader?
        private var next = 0
        /// The key each key of the run's records stands for, when they were counted under other numbers.
        let keys: [Int]?

        /// Every record of `words`, in `order` (their offsets) when given.
        init(words: UnsafeBufferPointer<UInt64>, order: [Int]? = nil, keys: [Int]? = nil) {
            self.words = words
            self.order = order
            self.keys = keys
        }

        /// The records of `words`, a range of `file` in words.
        init(file: SetAsideFile, words: Range<Int>, keys: [Int]? = nil) {
            reader = CaseRecordReader(file: file, words: words)
            self.keys = keys
        }

        /// The next record, valid until the next call.
        mutating func nextRecord() -> CaseRecord? {
            if let reader { return reader.nextRecord() }
            if let order {
                guard next < order.count else { return nil }
                defer { next += 1 }
                return CaseRecord(in: words, at: order[next])
            }
            guard next < words.count else { return nil }
            let record = CaseRecord(in: words, at: next)
            next += record.wordCount
            return record
        }
    }

    private var sources: [Source]

    init(_ sources: [Source]) {
        self.sources = sources
    }

    /// Calls `body` with each case once, in the order of the names: a record as it is in its run when the case is in
    /// one run only, under the table's keys; else one made of all of its records, named as the first run holding it
    /// names it.
    ///
    /// A binary heap of the runs by their next record, written here: a heap of values (swift-collections') would
    /// need each name copied out of its run, where this one compares them where they are.
    mutating func forEachCase<Failure: Error>(_ body: (CaseRecord) throws(Failure) -> Void) throws(Failure) {
        var current: [CaseRecord?] = sources.indices.map { sources[$0].nextRecord() }
        var heap = current.indices.filter { current[$0] != nil }
        func before(_ left: Int, _ right: Int) -> Bool {
            let (first, second) = (current[left]!, current[right]!)
            if first.precedes(second) { return true }
            return !second.precedes(first) && left < right
        }
        func siftDown(from start: Int) {
            var parent = start
            while true {
                var least = parent
                let left = 2 * parent + 1
                if left < heap.count, before(heap[left], heap[least]) { least = left }
                if left + 1 < heap.count, before(heap[left + 1], heap[least]) { least = left + 1 }
                guard least != parent else { return }
                heap.swapAt(parent, least)
                parent = least
            }
        }
        /// Moves the run at the heap's top on to its next record.
        func advanceTop() {
            let top = heap[0]
            current[top] = sources[top].nextRecord()
            if current[top] == nil {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(from: 0) }
        }
        for start in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(from: start) }
        var name: [UInt8] = []
        var entries: [UInt64] = []
        var combined: [UInt64] = []
        while let top = heap.first {
            let first = current[top]!
            // Another run's record of the same case would be the least after this one: a child of the top.
            let shared = heap.dropFirst().prefix(2).contains { !first.precedes(current[$0]!) }
            guard shared || sources[top].keys != nil else {
                try body(first)
                advanceTop()
                continue
            }
            // Copied before the run moves on, which may reuse the buffer the record is in.
            name.removeAll(keepingCapacity: true)
            name.append(contentsOf: first.name)
            let isNFC = first.isNFC
            entries.removeAll(keepingCapacity: true)
            repeat {
                let record = current[heap[0]]!
                if let keys = sources[heap[0]].keys {
                    for entry in record.entries { entries.append(UInt64(keys[Int(entry >> 32)]) << 32 | entry & 0xFFFF_FFFF) }
                } else {
                    entries.append(contentsOf: record.entries)
                }
                advanceTop()
            } while heap.first.map({ next in
                name.withUnsafeBytes { !CaseRecord.precedes($0, isNFC: isNFC, current[next]!.name, isNFC: current[next]!.isNFC) }
            }) ?? false
            entries.sort()
            combined.removeAll(keepingCapacity: true)
            CaseRecord.append(name: name, isNFC: isNFC, entries: CaseCountTable.summed(entries), to: &combined)
            try combined.withUnsafeBufferPointer { words throws(Failure) in try body(CaseRecord(in: words, at: 0)) }
        }
    }
}
