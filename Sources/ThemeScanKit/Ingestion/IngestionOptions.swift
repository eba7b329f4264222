/// How inputs are read: the settings every adapter may consult, filled from the command line.
public struct IngestionOptions: Sendable, Hashable {
    /// Reads every input as this format instead of sniffing.
    public var format: DocumentFormat?
    /// Decodes byte-oriented inputs with this encoding (an ICU converter name such as `GB18030` or `Big5`)
    /// instead of detecting one.
    public var encoding: String?
    /// Speaker labels that mark interviewer turns, compared after text normalization.
    public var interviewerLabels: [String]
    /// Spreadsheet columns holding free text, by header text, 1-based index or letter; empty means choose.
    public var textColumns: [String]
    /// The spreadsheet column naming each row's case (program).
    public var caseColumn: String?
    /// The XLSX sheet to read, by name or 1-based number; the first sheet when nil.
    public var sheet: String?
    /// HTML: keep only these nodes. XML: one document per matched node.
    public var xpath: String?
    /// XML: the case of each `xpath` node, relative to it.
    public var caseXPath: String?
    /// XML: the text of each `xpath` node, relative to it; all its text when nil.
    public var textXPath: String?
    /// The most bytes one zip entry may inflate to, enforced while inflating.
    public var maximumEntryBytes: Int
    /// The largest input file read.
    public var maximumFileBytes: Int

    public static let defaultInterviewerLabels = [
        "访谈者", "采访者", "访员", "访问员", "主持人", "研究者", "研究员", "调查员", "问", "提问", "Q", "I",
        "Interviewer", "Moderator", "Researcher", "Facilitator", "Question",
    ]
    public static let defaultMaximumEntryBytes = 256 << 20
    /// ICU addresses text with 32-bit indices and a document is held in memory whole, so larger files are
    /// refused with a clear message rather than read halfway.
    public static let defaultMaximumFileBytes = 1 << 30

    public init(
        format: DocumentFormat? = nil, encoding: String? = nil,
        interviewerLabels: [String] = IngestionOptions.defaultInterviewerLabels, textColumns: [String] = [],
        caseColumn: String? = nil, sheet: String? = nil, xpath: String? = nil, caseXPath: String? = nil,
        textXPath: String? = nil, maximumEntryBytes: Int = IngestionOptions.defaultMaximumEntryBytes,
        maximumFileBytes: Int = IngestionOptions.defaultMaximumFileBytes
    ) {
        self.format = format
        self.encoding = encoding
        self.interviewerLabels = interviewerLabels
        self.textColumns = textColumns
        self.caseColumn = caseColumn
        self.sheet = sheet
        self.xpath = xpath
        self.caseXPath = caseXPath
        self.textXPath = textXPath
        self.maximumEntryBytes = maximumEntryBytes
        self.maximumFileBytes = maximumFileBytes
    }
}
