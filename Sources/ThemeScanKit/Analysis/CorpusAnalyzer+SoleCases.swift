extension CorpusAnalyzer {
    /// The case each input would be alone in, by input position: the inputs whose single document can be the only
    /// one of its case, whatever the other inputs turn out to hold.
    ///
    /// A case is an input's own when its id (or its manifest case) is given to no other input, and nothing read
    /// from the data can name it: no case column or case XPath is set, so rows and XML records take their input's
    /// manifest case or an id of their own with `#` in it, and the input's case has none. Whether the input really
    /// held one document of that case is checked when it has been read (`completesCase`).
    static func soleCases(of sources: [DocumentSource], options: IngestionOptions) -> [Int: String] {
        guard options.caseColumn == nil, options.caseXPath == nil,
            !sources.contains(where: { $0.settings.caseColumn != nil })
        else { return [:] }
        var inputs: [String: Int] = [:]
        for source in sources { inputs[source.caseID ?? source.id, default: 0] += 1 }
        var sole: [Int: String] = [:]
        for (position, source) in sources.enumerated() {
            let caseID = source.caseID ?? source.id
            if inputs[caseID] == 1, !caseID.contains("#") { sole[position] = caseID }
        }
        return sole
    }

    /// Whether what one input read is a single document of the case that input is alone in.
    static func completesCase(_ analyses: [DocumentAnalysis], soleCase: String?) -> Bool {
        guard let soleCase, analyses.count == 1, let summary = analyses.first?.summary else { return false }
        return summary.caseID == soleCase && !summary.format.isTabular && summary.format != .xml
    }

    /// Whether a table row whose case is its own id is the only document of its case in this run: no case column
    /// is set anywhere (a row's empty case cell falls back to its id), and no input's id or manifest case has a
    /// `#`, so none can be another row's id (`FILE#row-N`, with FILE an input's id, unique among inputs).
    static func rowsAreOwnCases(of sources: [DocumentSource], options: IngestionOptions) -> Bool {
        guard options.caseColumn == nil, !sources.contains(where: { $0.settings.caseColumn != nil }) else { return false }
        return !sources.contains { $0.id.contains("#") || ($0.caseID?.contains("#") ?? false) }
    }

    /// Whether `summary` is a table row that is its own case (under `rowsAreOwnCases`).
    static func isOwnCaseRow(_ summary: DocumentSummary) -> Bool {
        summary.format.isTabular && summary.caseID == summary.id
    }
}
