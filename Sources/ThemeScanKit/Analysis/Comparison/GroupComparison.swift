/// Codes compared across groups (runs, or the values of `--group-by`): for each code its counts per group, the
/// G² test of its rates, the test of its proportions of cases coded, effect sizes for two groups and p-values
/// adjusted over the codes tested.
///
/// Rows follow the codebook order of the last (newest) group; codes it lacks follow, taken from the older groups
/// from newest to oldest, each in its codebook order. Codes are matched by id. A code absent from a group's
/// codebook has no counts there and is not tested (status `missing in …`); it is never counted as zero.
public struct GroupComparison: Sendable, Hashable {
    /// The group labels, in order.
    public let labels: [String]
    /// How the p-values were adjusted.
    public let adjustment: PValueAdjustment
    public let rows: [ComparisonRow]
    /// Groups left out of tests for lack of tokens or cases, and codes whose term lists differ.
    public let diagnostics: [Diagnostic]

    /// Compares the groups, in the order given (oldest first, so two-group effects read newer against older).
    public init(groups: [ComparisonGroup], adjustment: PValueAdjustment = .benjaminiHochberg) throws(ComparisonError) {
        try Self.validate(groups)
        labels = groups.map(\.label)
        self.adjustment = adjustment
        let indexes = groups.map { group in
            Dictionary(uniqueKeysWithValues: group.codes.map { ($0.codeID, $0) })
        }
        var rows = Self.codeOrder(groups).map { Self.row(for: $0, in: groups, indexes: indexes) }
        let rateP = adjustment.adjusted(rows.map(\.rateTest.p))
        let caseP = adjustment.adjusted(rows.map(\.caseTest.p))
        for index in rows.indices {
            rows[index].rateAdjustedP = rateP[index]
            rows[index].caseAdjustedP = caseP[index]
        }
        self.rows = rows
        diagnostics = Self.diagnostics(groups, rows: rows)
    }

    /// Refuses groups whose columns could not be named or whose counts cannot be right.
    private static func validate(_ groups: [ComparisonGroup]) throws(ComparisonError) {
        guard groups.count >= 2 else { throw .tooFewGroups(groups.count) }
        var labels = Set<String>()
        for group in groups {
            guard !group.label.isEmpty else { throw .emptyLabel(source: group.source) }
            guard labels.insert(group.label).inserted else { throw .duplicateLabel(group.label) }
            guard group.tokens >= 0 else { throw .negativeCount(group: group.source, what: "token total") }
            guard group.casesTotal >= 0 else { throw .negativeCount(group: group.source, what: "case total") }
            var codes = Set<String>()
            for code in group.codes {
                guard codes.insert(code.codeID).inserted else { throw .duplicateCode(code.codeID, group: group.source) }
                guard code.occurrences >= 0 else {
                    throw .negativeCount(group: group.source, what: "occurrence count for \(code.codeID)")
                }
                guard code.casesCoded >= 0, code.casesCoded <= group.casesTotal else {
                    throw .casesOutOfRange(
                        group: group.source, code: code.codeID, coded: code.casesCoded, total: group.casesTotal)
                }
            }
        }
    }

    /// Code ids in row order: the newest group's codebook, then codes found only in older groups, newest first.
    private static func codeOrder(_ groups: [ComparisonGroup]) -> [String] {
        var seen = Set<String>()
        var order: [String] = []
        for group in groups.reversed() {
            for code in group.codes where seen.insert(code.codeID).inserted {
                order.append(code.codeID)
            }
        }
        return order
    }

    /// The row of one code: counts, status, tests and two-group effects (adjusted p-values come later).
    private static func row(
        for codeID: String, in groups: [ComparisonGroup], indexes: [[String: ComparisonCodeCount]]
    ) -> ComparisonRow {
        let entries = indexes.map { $0[codeID] }
        let cells = zip(groups, entries).map { group, entry in
            entry.map {
                ComparisonCell(
                    occurrences: $0.occurrences, tokens: group.tokens, casesCoded: $0.casesCoded,
                    casesTotal: group.casesTotal)
            }
        }
        // The newest group that has the code names it; every code in the order is in at least one group.
        let naming = entries.compactMap { $0 }.last!
        let termLists = Set(entries.compactMap { $0.map { $0.terms.sorted() } })
        let status = ComparisonStatus(
            missingIn: zip(groups, entries).filter { $0.1 == nil }.map(\.0.label), differentTerms: termLists.count > 1)
        var row = ComparisonRow(
            themeID: naming.themeID, codeID: codeID, label: naming.label, cells: cells,
            rateTest: .untested(.missing(in: status.missingIn)), caseTest: .untested(.missing(in: status.missingIn)),
            status: status)
        let present = cells.compactMap { $0 }
        guard present.count == cells.count else { return row }
        row.rateTest = LogLikelihood.rateTest(present.map(\.rate))
        row.caseTest = CaseProportionTest.test(present.map(\.cases))
        if present.count == 2 {
            let (reference, target) = (present[0], present[1])
            row.logRatio = LogRatio.comparison(
                targetCount: target.occurrences, targetTotal: target.tokens, referenceCount: reference.occurrences,
                referenceTotal: reference.tokens)
            row.percentDifference = PercentDifference.value(
                targetCount: target.occurrences, targetTotal: target.tokens, referenceCount: reference.occurrences,
                referenceTotal: reference.tokens)
            row.caseDifference = CaseProportionTest.differenceInPercentagePoints(
                target: target.cases, reference: reference.cases)
        }
        return row
    }

    /// Warnings for groups without tokens or cases, and one for the codes whose term lists differ.
    private static func diagnostics(_ groups: [ComparisonGroup], rows: [ComparisonRow]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for group in groups {
            let location = SourceLocation(path: group.source)
            if group.tokens == 0 {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: location,
                        "group \(group.label) has no tokens: its rates are left empty and it is left out of the G² tests"
                    ))
            }
            if group.casesTotal == 0 {
                diagnostics.append(
                    Diagnostic(
                        .warning, at: location,
                        "group \(group.label) has no cases: its case percentages are left empty and it is left out of the case tests"
                    ))
            }
        }
        let differing = rows.filter(\.status.differentTerms).map(\.codeID)
        if !differing.isEmpty, let newest = groups.last {
            diagnostics.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: newest.source),
                    "\(differing.count) code(s) have different terms in different groups, so their counts measure different things (status `different terms`): "
                        + differing.joined(separator: ", ")))
        }
        return diagnostics
    }
}
