/// Reads `.csv` and `.tsv` survey exports: one document per respondent row.
///
/// The bytes are decoded (any common encoding, found or given), the delimiter is sniffed among comma, tab and semicolon (tab preferred for `.tsv`),
/// the records are parsed as RFC 4180, and `SurveyTable` turns them into documents.
public struct DelimitedTextReader: DocumentReader {
    public var format: DocumentFormat
    public var options: IngestionOptions
    public var rule: TextColumnRule

    public init(format: DocumentFormat = .csv, options: IngestionOptions = IngestionOptions(), rule: TextColumnRule = TextColumnRule()) {
        self.format = format
        self.options = options
        self.rule = rule
    }

    public func read(_ bytes: consuming [UInt8], from source: DocumentSource) throws(IngestionError) -> ReadResult {
        // Excel on Chinese Windows saves CSV in GBK, without a BOM: the decoder finds it.
        let decoded = try TextDecoder(encoding: options.encoding).decode(bytes, path: source.path)
        let text = decoded.text
        let expected: Unicode.Scalar = format == .tsv ? "\t" : ","
        // Only `.tsv` is a hint: a `.csv` may hold any of the three, and comma already wins ties among equals.
        let delimiter = DelimiterSniffer().delimiter(of: text, hint: format == .tsv ? "\t" : nil)
        var warnings = decoded.warnings
        if delimiter != expected {
            warnings.append(
                Diagnostic(
                    .note, at: SourceLocation(path: source.path, line: 1),
                    "fields are separated by \(Self.name(of: delimiter)), not \(Self.name(of: expected))"))
        }
        let rows: [SpreadsheetRow]
        do {
            rows = try CSVParser(delimiter: delimiter).rows(in: text)
        } catch {
            let line: Int
            switch error { case .unclosedQuote(let opened): line = opened }
            throw .malformed(
                at: SourceLocation(path: source.path, line: line),
                reason: "\(error); close the quote or double the quote marks inside the field")
        }
        let table = try SurveyTable(rows: rows, path: source.path)
        let result = try table.documents(from: source, format: format, encoding: decoded.encoding, options: options, rule: rule)
        return ReadResult(documents: result.documents, warnings: warnings + result.warnings)
    }

    private static func name(of delimiter: Unicode.Scalar) -> String {
        switch delimiter {
        case ",": return "commas"
        case "\t": return "tabs"
        case ";": return "semicolons"
        default: return "\"\(delimiter)\""
        }
    }
}
