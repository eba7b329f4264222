/// The cases of a run, sorted, including cases where nothing matched, each with where its code counts are.
///
/// A case finished when it was counted (a survey row that is its own case) is kept by the run's code table as a
/// record among many, found by name only by reading them all: the list notes where each such case's record is, so
/// that the case tables and the report read a case's counts at once, and knows the others are not among them.
public struct CaseList: RandomAccessCollection, Sendable {
    private let names: [String]
    /// Where each case's record is among the table's finished cases, or -1 for a case looked up by name.
    private let finishedRecords: [Int]
    private let table: CaseCountTable

    /// The cases of `documents`, with their code counts in `table`.
    public init(documents: DocumentSummaries, table: CaseCountTable) {
        // One dictionary, names to records: the run's cases are as many as its survey rows.
        var records: [String: Int] = [:]
        table.forEachFinished { offset, name, _ in records[String(decoding: name, as: UTF8.self)] = offset }
        for document in documents where records[document.caseID] == nil { records[document.caseID] = -1 }
        let sorted = records.sorted { $0.key < $1.key }
        records = [:]
        names = sorted.map(\.key)
        finishedRecords = sorted.map(\.value)
        self.table = table
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { names.count }

    public subscript(position: Int) -> String { names[position] }

    /// The occurrences of each code in the case at `position`, `width` of them.
    public func codeCounts(at position: Int, width: Int) -> [Int] {
        let record = finishedRecords[position]
        return record >= 0
            ? table.counts(ofFinishedAt: record, width: width)
            : table.counts(ofUnfinishedCase: names[position], width: width)
    }

    /// All code occurrences of the case at `position`.
    public func totalCodeCount(at position: Int) -> Int {
        let record = finishedRecords[position]
        return record >= 0 ? table.total(ofFinishedAt: record) : table.total(ofUnfinishedCase: names[position])
    }
}
