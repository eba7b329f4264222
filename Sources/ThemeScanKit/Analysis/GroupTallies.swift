/// The documents and counts of each value of a grouping column (`analyze --group-by year`), gathered document by
/// document as a run goes, for comparing the groups at the end.
public struct GroupTallies: Sendable {
    /// The manifest or spreadsheet column the groups come from.
    public let variable: String
    private var groups: [String: (documents: [DocumentSummary], tally: CorpusTally)] = [:]
    /// Documents without a value in the column, left out of the comparison.
    public private(set) var documentsWithoutValue: [String] = []
    private let codeCount: Int
    private let termCount: Int

    public init(variable: String, codeCount: Int, termCount: Int) {
        self.variable = variable
        self.codeCount = codeCount
        self.termCount = termCount
    }

    /// Adds one document to its group; `caseMinimum` as in `CorpusTally.add(_:completingCaseAt:)`, for a document
    /// known to be the only one of its case.
    public mutating func add(_ summary: DocumentSummary, tally: DocumentTally, completingCaseAt caseMinimum: Int? = nil) {
        let value = (summary.metadata[variable] ?? "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else {
            documentsWithoutValue.append(summary.id)
            return
        }
        // Changed in place: a copy taken out of the dictionary and put back copied the group's whole tally for
        // every document.
        groups[value, default: ([], CorpusTally(codeCount: codeCount, termCount: termCount))].documents.append(summary)
        groups[value]!.tally.add(tally, completingCaseAt: caseMinimum)
    }

    /// The values in comparison order: numerically when every value is a whole number (years), else by text.
    public var values: [String] {
        let keys = Array(groups.keys)
        if keys.allSatisfy({ Int($0) != nil }) { return keys.sorted { Int($0)! < Int($1)! } }
        return keys.sorted()
    }

    /// The tables of each group, in `values` order.
    public func tables(codebook: RunCodebook, options: TableOptions) -> [(value: String, tables: RunTables)] {
        values.map { value in
            let group = groups[value]!
            return (value, RunTables(codebook: codebook, documents: group.documents, tally: group.tally, options: options))
        }
    }
}
