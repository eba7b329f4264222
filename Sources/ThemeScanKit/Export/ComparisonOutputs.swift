/// Writes a comparison of groups (`compare`, or `analyze --group-by`): `compare.csv`, `compare_words.csv`, their
/// JSON mirrors, `compare.svg` and `compare.html`, as the options select.
public struct ComparisonOutputs: Sendable {
    /// One compared group as the report introduces it.
    public struct GroupFacts: Sendable, Equatable {
        public var label: String
        /// Where the group comes from: a run folder, or `year = 2021`.
        public var source: String
        public var tokens: Int
        public var cases: Int
        public var documents: Int

        public init(label: String, source: String, tokens: Int, cases: Int, documents: Int) {
            self.label = label
            self.source = source
            self.tokens = tokens
            self.cases = cases
            self.documents = documents
        }
    }

    public var codes: GroupComparison
    public var words: WordComparison
    public var groups: [GroupFacts]
    public var formats: Set<OutputFormat>
    public var excelCSV: Bool
    /// Warnings about the comparison itself (a group without tokens, codes whose terms differ, …).
    public var warnings: [String]

    /// How many codes the chart shows.
    static let chartRows = 20

    public init(
        codes: GroupComparison, words: WordComparison, groups: [GroupFacts], formats: Set<OutputFormat>,
        excelCSV: Bool, warnings: [String]
    ) {
        self.codes = codes
        self.words = words
        self.groups = groups
        self.formats = formats
        self.excelCSV = excelCSV
        self.warnings = warnings
    }

    public func write(to staging: OutputStaging) throws {
        let tables = [("compare", codes.table()), ("compare_words", words.table())]
        for (name, table) in tables {
            if formats.contains(.csv) { try staging.writeCSV(table, named: name, byteOrderMark: excelCSV) }
            if formats.contains(.json) { try staging.writeJSON(table, named: name) }
        }
        guard formats.contains(.svg) || formats.contains(.html) else { return }
        let chart = try self.chart()
        if formats.contains(.svg) { try staging.write("compare.svg", contents: chart) }
        if formats.contains(.html) { try staging.write("compare.html", contents: page(chart: chart)) }
    }

    /// `compare.svg`: per-group case percentages of the codes that changed most, significant ones marked.
    func chart() throws -> String {
        let changed = codes.mostChanged(limit: Self.chartRows)
        let rows = changed.map { code in
            ComparisonChartRow(
                label: code.row.label, percentages: code.row.cells.map { $0?.casePercent ?? 0 }, effect: code.effect,
                significant: code.significant)
        }
        let effect = codes.labels.count == 2 ? "difference in percentage points" : "G²"
        return try ComparisonChartSVG(
            title: "Cases coded (%): the codes that changed most", groups: codes.labels, effectName: effect
        ).render(rows)
    }
}
