/// The counts of each value of a grouping column (`analyze --group-by year`), gathered document by document as a
/// run goes, for comparing the groups at the end.
///
/// A group keeps what the comparison reads of its documents, their number and their cases, not the documents: the
/// run keeps those already, and a second copy of every summary cost a survey export of 276,000 rows, each its own
/// case, 40 to 50 MB.
public struct GroupTallies: Sendable {
    /// One value's documents and cases, counted, and their tally.
    public struct Group: Sendable {
        public var documents = 0
        /// The cases of the group's documents, matched or not, but those finished when counted (`finishedCases`).
        public var cases: Set<String> = []
        /// Cases whose only document the group counted as a finished case: named nowhere else, so counted, not
        /// kept by name (a survey export has one a row).
        public var finishedCases = 0
        public var tally: CorpusTally

        /// The group's cases, matched or not.
        public var caseCount: Int { cases.count + finishedCases }
    }

    /// The manifest or spreadsheet column the groups come from.
    public let variable: String
    private var groups: [String: Group] = [:]
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
        Self.add(
            summary, tally: tally, completingCaseAt: caseMinimum,
            to: &groups[value, default: Self.newGroup(codeCount: codeCount, termCount: termCount)])
    }

    /// An empty group, whose finished cases count towards its coded cases without being kept: a comparison reads
    /// nothing else of them.
    private static func newGroup(codeCount: Int, termCount: Int) -> Group {
        var tally = CorpusTally(codeCount: codeCount, termCount: termCount)
        tally.keepsFinishedCases = false
        return Group(tally: tally)
    }

    private static func add(
        _ summary: DocumentSummary, tally: DocumentTally, completingCaseAt caseMinimum: Int?, to group: inout Group
    ) {
        group.documents += 1
        if caseMinimum == nil { group.cases.insert(summary.caseID) } else { group.finishedCases += 1 }
        group.tally.add(tally, completingCaseAt: caseMinimum)
    }

    /// The values in comparison order: numerically when every value is a whole number (years), else by text.
    public var values: [String] {
        let keys = Array(groups.keys)
        if keys.allSatisfy({ Int($0) != nil }) { return keys.sorted { Int($0)! < Int($1)! } }
        return keys.sorted()
    }

    /// Each group, in `values` order.
    public var inOrder: [(value: String, group: Group)] {
        values.map { ($0, groups[$0]!) }
    }
}
