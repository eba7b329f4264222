/// The cases of a run, in the order of their names, each with its code counts, including cases where nothing
/// matched.
///
/// The list merges the cases the run's code table keeps by name with its finished ones (a survey row that is its own
/// case), held or set aside in runs already in order, into one list of `CaseRecord`s. With a case per survey row the
/// list is as long as the export: when finished cases were set aside, the list is written to a file next to theirs
/// and read back by pieces, and holds in memory only where every sixteenth record starts.
public struct CaseList: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case memory([UInt64])
        case file(SetAsideFile)
    }

    private let storage: Storage
    /// Where every `blockCases`-th record starts, in words, then where the last ends.
    private let blocks: [Int]
    public let endIndex: Int
    /// Records found from the start of their block, by reading each one's first word.
    private static let blockCases = 16

    /// The cases of `table`: every case added to it, with counts or without.
    public init(table: CaseCountTable) throws(TextError) {
        var named: [UInt64] = []
        for (name, entries) in table.cases.sorted(by: { $0.key < $1.key }) {
            CaseRecord.append(name: name.utf8, isNFC: ICU.isNFC(name), entries: entries, to: &named)
        }
        var writer = table.setAside.first.map { SetAsideWriter(folder: $0.file.folder, prefix: ".themescan-cases") }
        var words: [UInt64] = []
        var blocks: [Int] = []
        var count = 0
        try table.withHeldFinished { held throws(TextError) in
            try named.withUnsafeBufferPointer { named throws(TextError) in
                var sources = [
                    Self.Source(words: named, order: nil),
                    Self.Source(words: held, order: CaseCountTable.sortedRecords(in: held)),
                ]
                sources += table.setAside.map { Self.Source(reader: CaseRecordReader(file: $0.file, words: $0.words)) }
                try Self.merge(sources) { record throws(TextError) in
                    let offset = writer.map { $0.count / MemoryLayout<UInt64>.size } ?? words.count
                    if count % Self.blockCases == 0 { blocks.append(offset) }
                    count += 1
                    if writer == nil {
                        words.append(contentsOf: record.words)
                    } else {
                        try writer!.append(UnsafeRawBufferPointer(record.words))
                    }
                }
            }
        }
        if var writer {
            blocks.append(writer.count / MemoryLayout<UInt64>.size)
            storage = .file(try writer.flush())
        } else {
            blocks.append(words.count)
            storage = .memory(words)
        }
        self.blocks = blocks
        endIndex = count
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> String {
        withRecord(at: position) { String(decoding: $0.name, as: UTF8.self) }
    }

    /// The occurrences of each code in the case at `position`, `width` of them.
    public func codeCounts(at position: Int, width: Int) -> [Int] {
        withRecord(at: position) { $0.counts(width: width) }
    }

    /// All code occurrences of the case at `position`.
    public func totalCodeCount(at position: Int) -> Int {
        withRecord(at: position) { $0.total }
    }

    /// Whether the list was written to a file rather than held in memory.
    var isSetAside: Bool {
        if case .file = storage { return true }
        return false
    }

    private func withRecord<Result>(at position: Int, _ body: (CaseRecord) -> Result) -> Result {
        precondition(indices.contains(position), "case \(position) of \(count)")
        let block = position / Self.blockCases
        let range = blocks[block]..<blocks[block + 1]
        func find(_ words: UnsafeBufferPointer<UInt64>) -> Result {
            var offset = 0
            for _ in 0..<(position % Self.blockCases) { offset += CaseRecord.wordCount(header: words[offset]) }
            return body(CaseRecord(in: words, at: offset))
        }
        switch storage {
        case .memory(let words):
            return words.withUnsafeBufferPointer { find(UnsafeBufferPointer(rebasing: $0[range])) }
        case .file(let file):
            let size = MemoryLayout<UInt64>.size
            // Blocks start at whole words, and so do the pieces read from their starts.
            return file.withBytes(in: (range.lowerBound * size)..<(range.upperBound * size), readingUpTo: blocks.last! * size) {
                find($0.assumingMemoryBound(to: UInt64.self))
            }
        }
    }

    /// A run of records in order: every record of `words`, in `order` when given, or read from a file.
    private struct Source {
        var words: UnsafeBufferPointer<UInt64> = UnsafeBufferPointer(start: nil, count: 0)
        var order: [Int]?
        var reader: CaseRecordReader?
        var next = 0

        init(words: UnsafeBufferPointer<UInt64>, order: [Int]?) {
            self.words = words
            self.order = order
        }

        init(reader: CaseRecordReader) {
            self.reader = reader
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

    /// Calls `body` with the records of `sources`, each source in order, in the order of their names.
    ///
    /// A binary heap of the sources by their next record, written here: a heap of values (swift-collections')
    /// would need each name copied out of its source, where this one compares them where they are.
    private static func merge(_ sources: [Source], _ body: (CaseRecord) throws(TextError) -> Void) throws(TextError) {
        var sources = sources
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
        for start in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(from: start) }
        while let top = heap.first {
            try body(current[top]!)
            current[top] = sources[top].nextRecord()
            if current[top] == nil {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(from: 0) }
        }
    }
}
