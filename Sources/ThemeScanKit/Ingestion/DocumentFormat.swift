/// The kind of file a document was read from.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable {
    case text = "txt"
    case markdown = "md"
    case webVTT = "vtt"
    case subRip = "srt"
    case docx
    case csv
    case tsv
    case xlsx
    /// What survey platforms call `.xls`: an HTML table or SpreadsheetML 2003 XML (never binary BIFF).
    case xls
    case html
    case xml

    /// The format an extension suggests; content sniffing has the last word.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "vtt": self = .webVTT
        case "srt": self = .subRip
        case "docx": self = .docx
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "xlsx": self = .xlsx
        case "xls": self = .xls
        case "html", "htm", "xhtml": self = .html
        case "xml": self = .xml
        default: return nil
        }
    }

    /// Whether each row of the file is a document of its own.
    public var isTabular: Bool {
        switch self {
        case .csv, .tsv, .xlsx, .xls: return true
        default: return false
        }
    }
}
