/// The cases of a run, in the order of their names, each with its code counts, including cases where nothing
/// matched.
///
/// The list merges the cases the run's code table keeps by name with those it set aside in runs already in order, and
/// with its finished ones (a survey row that is its own case), into one list of `CaseRecord`s
/// (`CaseCountTable.forEachCaseInOrder(_:)`). With a case per survey row the
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
        var writer = table.setAside.first.map { SetAsideWriter(folder: $0.file.folder, prefix: ".themescan-cases") }
        var words: [UInt64] = []
        var blocks: [Int] = []
        var count = 0
        try table.forEachCaseInOrder { record throws(TextError) in
            let offset = writer.map { $0.count / MemoryLayout<UInt64>.size } ?? words.count
            if count % Self.blockCases == 0 { blocks.append(offset) }
            count += 1
            if writer == nil {
                words.append(contentsOf: record.words)
            } else {
                try writer!.append(UnsafeRawBufferPointer(record.words))
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
}
