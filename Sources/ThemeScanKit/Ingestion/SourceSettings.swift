import Foundation

/// Reading settings a manifest gives for one file, replacing the run's options for it: a survey export from
/// another platform has its own columns, a page from an old site its own encoding.
public struct SourceSettings: Sendable, Hashable {
    /// Manifest column `case_column`.
    public var caseColumn: String?
    /// Manifest column `text_columns`, `;`-separated.
    public var textColumns: [String]?
    /// Manifest column `sheet`.
    public var sheet: String?
    /// Manifest column `encoding`.
    public var encoding: String?

    /// The manifest columns that hold settings rather than metadata.
    public static let manifestColumns: Set<String> = ["case_column", "text_columns", "sheet", "encoding"]

    public init(caseColumn: String? = nil, textColumns: [String]? = nil, sheet: String? = nil, encoding: String? = nil) {
        self.caseColumn = caseColumn
        self.textColumns = textColumns
        self.sheet = sheet
        self.encoding = encoding
    }

    /// Settings from a manifest column and its non-empty value; false when the column is not a setting.
    mutating func set(column: String, value: String) -> Bool {
        switch column {
        case "case_column": caseColumn = value
        case "text_columns":
            textColumns = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        case "sheet": sheet = value
        case "encoding": encoding = value
        default: return false
        }
        return true
    }
}
