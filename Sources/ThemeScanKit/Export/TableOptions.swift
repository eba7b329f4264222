/// Choices that shape the output tables and charts.
public struct TableOptions: Sendable, Equatable, Codable {
    /// What sizes a code in the word cloud.
    public enum CloudWeight: String, Sendable, Codable, CaseIterable {
        /// Cases (programs) coded for the code, as the mapping report counts its cloud.
        case cases
        case occurrences
    }

    /// Label languages in order of preference; the code id stands in when none has a label.
    public var labelLanguages: [String]
    /// A case counts as coded for a code (or as using a word) from this many occurrences on; it governs every
    /// `cases` column.
    public var minimumOccurrences: Int
    public var cloudWeight: CloudWeight
    /// The language of the labels in the code cloud; nil picks zh when the codebook has zh labels, else the first
    /// of `labelLanguages`.
    public var cloudLanguage: String?
    /// How many words `words.svg` shows.
    public var cloudSize: Int
    /// How many passages the report shows for each code.
    public var passagesPerCode: Int
    /// The kinds of output to write, in `OutputFormat` order.
    public var formats: [OutputFormat]
    /// Whether CSV files start with a UTF-8 byte order mark, for Excel.
    public var excelCSV: Bool
    /// The manifest or spreadsheet column whose values are compared (`--group-by`), if any.
    public var groupBy: String?

    public init(
        labelLanguages: [String] = ["zh", "en"], minimumOccurrences: Int = 1, cloudWeight: CloudWeight = .cases,
        cloudLanguage: String? = nil, cloudSize: Int = 100, passagesPerCode: Int = 5,
        formats: Set<OutputFormat> = Set(OutputFormat.allCases), excelCSV: Bool = false, groupBy: String? = nil
    ) {
        self.groupBy = groupBy
        self.formats = formats.sorted()
        self.excelCSV = excelCSV
        self.labelLanguages = labelLanguages
        self.minimumOccurrences = max(1, minimumOccurrences)
        self.cloudWeight = cloudWeight
        self.cloudLanguage = cloudLanguage
        self.cloudSize = cloudSize
        self.passagesPerCode = passagesPerCode
    }
}
