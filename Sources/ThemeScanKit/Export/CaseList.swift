import Foundation

/// The cases of a run, sorted, including cases where nothing matched, each with where its code counts are.
///
/// A case finished when it was counted (a survey row that is its own case) is kept by the run's code table as a
/// record among many, found by name only by reading them all: the list notes where each such case's record is, so
/// that the case tables and the report read a case's counts at once, and knows the others are not among them.
///
/// With a case per survey row the list is as long as the export. When every name is in Normalization Form C, as
/// nearly all text is, the finished cases are put in order by their names' bytes where they are kept, and the list
/// holds 8 bytes a case; otherwise it holds every name as a string.
public struct CaseList: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        /// For each case, a finished case's record, or `~i` for `others[i]`.
        case records(entries: [Int], others: [String])
        /// Every name, with its finished case's record or -1.
        case names([String], records: [Int])
    }

    private let storage: Storage
    private let table: CaseCountTable

    /// The cases of `documents`, with their code counts in `table`.
    public init(documents: DocumentSummaries, table: CaseCountTable) {
        self.table = table
        storage = Self.byBytes(documents: documents, table: table) ?? Self.byName(documents: documents, table: table)
    }

    /// Whether the finished cases were put in order where they are kept, not listed by name.
    var isOrderedByBytes: Bool {
        if case .records = storage { return true }
        return false
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .records(let entries, _): return entries.count
        case .names(let names, _): return names.count
        }
    }

    public subscript(position: Int) -> String {
        switch storage {
        case .records(let entries, let others):
            let entry = entries[position]
            guard entry >= 0 else { return others[~entry] }
            return table.withFinishedNames { String(decoding: $0(entry), as: UTF8.self) }
        case .names(let names, _):
            return names[position]
        }
    }

    /// The occurrences of each code in the case at `position`, `width` of them.
    public func codeCounts(at position: Int, width: Int) -> [Int] {
        switch place(of: position) {
        case .finished(let record): return table.counts(ofFinishedAt: record, width: width)
        case .named(let name): return table.counts(ofUnfinishedCase: name, width: width)
        }
    }

    /// All code occurrences of the case at `position`.
    public func totalCodeCount(at position: Int) -> Int {
        switch place(of: position) {
        case .finished(let record): return table.total(ofFinishedAt: record)
        case .named(let name): return table.total(ofUnfinishedCase: name)
        }
    }

    private enum Place {
        case finished(Int)
        case named(String)
    }

    private func place(of position: Int) -> Place {
        switch storage {
        case .records(let entries, let others):
            return entries[position] >= 0 ? .finished(entries[position]) : .named(others[~entries[position]])
        case .names(let names, let records):
            return records[position] >= 0 ? .finished(records[position]) : .named(names[position])
        }
    }

    /// Every name as a string, in a dictionary and then sorted.
    private static func byName(documents: DocumentSummaries, table: CaseCountTable) -> Storage {
        var records: [String: Int] = [:]
        table.forEachFinished { offset, name, _ in records[String(decoding: name, as: UTF8.self)] = offset }
        for document in documents where records[document.caseID] == nil { records[document.caseID] = -1 }
        let sorted = records.sorted { $0.key < $1.key }
        return .names(sorted.map(\.key), records: sorted.map(\.value))
    }

    /// The finished cases put in order by their names' bytes, merged with the other cases of the documents; nil
    /// when a name is not in NFC, whose bytes may order otherwise than the name.
    private static func byBytes(documents: DocumentSummaries, table: CaseCountTable) -> Storage? {
        var finished: [Int] = []
        var inNFC = true
        table.forEachFinished { offset, name, _ in
            finished.append(offset)
            if inNFC, name.contains(where: { $0 >= 0x80 }) { inNFC = ICU.isNFC(String(decoding: name, as: UTF8.self)) }
        }
        guard inNFC else { return nil }
        return table.withFinishedNames { name -> Storage? in
            finished.sort { precedes(name($0), name($1)) }
            // A document's case is a finished one, found by its bytes, or one of the others. Only those need asking
            // whether they are in NFC: one that is not could be a finished name written otherwise.
            var others: Set<String> = []
            for document in documents {
                var caseID = document.caseID
                let found = caseID.withUTF8 { bytes -> Bool in
                    let key = UnsafeRawBufferPointer(bytes)
                    var low = 0
                    var high = finished.count
                    while low < high {
                        let middle = (low + high) / 2
                        if precedes(name(finished[middle]), key) { low = middle + 1 } else { high = middle }
                    }
                    return low < finished.count && bytesEqual(name(finished[low]), key)
                }
                guard !found else { continue }
                guard ICU.isNFC(caseID) else { return nil }
                others.insert(caseID)
            }
            let sortedOthers = others.sorted()
            var entries: [Int] = []
            entries.reserveCapacity(finished.count + sortedOthers.count)
            var next = 0
            for (index, other) in sortedOthers.enumerated() {
                var other = other
                other.withUTF8 { bytes in
                    while next < finished.count, precedes(name(finished[next]), UnsafeRawBufferPointer(bytes)) {
                        entries.append(finished[next])
                        next += 1
                    }
                }
                entries.append(~index)
            }
            entries += finished[next...]
            return .records(entries: entries, others: sortedOthers)
        }
    }

    private static func precedes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        let shared = Swift.min(left.count, right.count)
        let order = shared == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, shared)
        return order != 0 ? order < 0 : left.count < right.count
    }

    private static func bytesEqual(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        left.count == right.count && (left.count == 0 || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
    }
}
