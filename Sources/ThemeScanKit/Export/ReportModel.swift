/// Everything `report.html` shows, as plain values filled in by the analysis; `HTMLReport` only lays it out.
public struct ReportModel: Sendable, Equatable {
    /// The page title and top heading.
    public var title: String
    public var run: ReportRunFacts
    public var corpus: ReportCorpusSummary
    /// The codes for the bar chart, in the order to show them (the caller picks how many).
    public var topCodes: [ReportCodeBar]
    /// What the bars' lengths show; the other figure is printed beside them.
    public var barMeasure: ReportBarMeasure
    /// The code cloud and the word cloud as SVG documents, embedded as they are (an XML declaration or doctype
    /// is dropped); nil leaves the cloud out.
    public var codeCloudSVG: String?
    public var wordCloudSVG: String?
    public var heatMap: ReportHeatMap
    /// Sample passages per code, in the order to show them.
    public var samples: [ReportCodeSample]
    /// Labels of the codes no term matched anywhere.
    public var unmatchedCodes: [String]
    /// The run's warnings, one line each (`path:line:col: warning: …`).
    public var warnings: [String]
    /// A closing line, such as the tool and version that made the report.
    public var footer: String

    public init(
        title: String, run: ReportRunFacts, corpus: ReportCorpusSummary, topCodes: [ReportCodeBar] = [],
        barMeasure: ReportBarMeasure = .cases, codeCloudSVG: String? = nil, wordCloudSVG: String? = nil,
        heatMap: ReportHeatMap = ReportHeatMap(), samples: [ReportCodeSample] = [], unmatchedCodes: [String] = [],
        warnings: [String] = [], footer: String = ""
    ) {
        self.title = title
        self.run = run
        self.corpus = corpus
        self.topCodes = topCodes
        self.barMeasure = barMeasure
        self.codeCloudSVG = codeCloudSVG
        self.wordCloudSVG = wordCloudSVG
        self.heatMap = heatMap
        self.samples = samples
        self.unmatchedCodes = unmatchedCodes
        self.warnings = warnings
        self.footer = footer
    }
}
