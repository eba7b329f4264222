/// The counts of each value of a grouping column (`analyze --group-by year`), gathered document by document as a
/// run goes, for comparing the groups at the end.
///
/// A group keeps what the comparison reads of its documents, their number and their cases, not the documents: the
/// run keeps those already, and a second copy of every summary cost a survey export of 276,000 rows, each its own
/// case, 40 to 50 MB. The cases a group keeps by name go to a file as they grow, as the run's own do.
public struct GroupTallies: Sendable {
    /// One value's documents and cases, counted, and their tally.
    public struct Group: Sendable {
        public var documents = 0
        /// Cases whose only document the group counted as a finished case: named nowhere else, so counted, not
        /// kept by name (a survey export has one a row).
        public var finishedCases = 0
        /// The group's counts; its case tables list every other case of its documents, matched or not.
        public var tally: CorpusTally

        /// The group's cases, matched or not.
        public var caseCount: Int { tally.caseCodeOccurrences.caseCount + finishedCases }
    }

    /// The manifest or spreadsheet column the groups come from.
    public let variable: String
    private var groups: [String: Group] = [:]
    /// Documents without a value in the column, left out of the comparison.
    public private(set) var documentsWithoutValue: [String] = []
    private let codeCount: Int
    private let termCount: Int
    /// Where the groups set aside the cases they keep by name; nil when they hold them all.
    private var setAsideCases: SetAsideWriter?
    /// About how many bytes of cases kept by name the groups hold together before they set them aside (tests make
    /// it small): when a case column names every row of an export, no case is finished before the end.
    public var heldCaseBytes = 8 << 20
    /// About the bytes of cases the groups keep by name.
    private var heldBytes = 0

    /// Groups by `variable`, setting the cases they keep by name aside in `setAsideFolder` as they grow, or holding
    /// them all when it is nil.
    public init(variable: String, codeCount: Int, termCount: Int, setAsideFolder: String? = nil) {
        self.variable = variable
        self.codeCount = codeCount
        self.termCount = termCount
        setAsideCases = setAsideFolder.map { SetAsideWriter(folder: $0, prefix: ".themescan-cases") }
    }

    /// Adds one document to its group; `caseMinimum` as in `CorpusTally.add(_:completingCaseAt:)`, for a document
    /// known to be the only one of its case. Sets the groups' cases aside once they hold `heldCaseBytes` of them, and
    /// throws when they cannot be.
    public mutating func add(
        _ summary: DocumentSummary, tally: DocumentTally, completingCaseAt caseMinimum: Int? = nil
    ) throws(TextError) {
        let value = (summary.metadata[variable] ?? "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else {
            documentsWithoutValue.append(summary.id)
            return
        }
        // Changed in place: a copy taken out of the dictionary and put back copied the group's whole tally for
        // every document.
        let (before, after) = Self.add(
            summary, tally: tally, completingCaseAt: caseMinimum,
            to: &groups[value, default: Self.newGroup(codeCount: codeCount, termCount: termCount)])
        heldBytes += after - before
        try setAsideCasesIfLarge()
    }

    /// Sets the groups' cases kept by name aside when they hold `heldCaseBytes` of them and have a folder for them.
    private mutating func setAsideCasesIfLarge() throws(TextError) {
        guard heldBytes >= heldCaseBytes, setAsideCases != nil else { return }
        // The values copied out first: iterating the dictionary's own keys while changing its values in place
        // would copy every group's tables.
        for value in Array(groups.keys) { try groups[value]!.tally.setAsideCases(to: &setAsideCases!) }
        heldBytes = 0
    }

    /// An empty group, whose finished cases count towards its coded cases without being kept: a comparison reads
    /// nothing else of them.
    private static func newGroup(codeCount: Int, termCount: Int) -> Group {
        var tally = CorpusTally(codeCount: codeCount, termCount: termCount)
        tally.keepsFinishedCases = false
        return Group(tally: tally)
    }

    /// Adds a document to `group`; the bytes its tally held by name before and after.
    private static func add(
        _ summary: DocumentSummary, tally: DocumentTally, completingCaseAt caseMinimum: Int?, to group: inout Group
    ) -> (before: Int, after: Int) {
        let before = group.tally.heldCaseBytes
        group.documents += 1
        if caseMinimum != nil { group.finishedCases += 1 }
        group.tally.add(tally, completingCaseAt: caseMinimum)
        return (before, group.tally.heldCaseBytes)
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
