/// Reads `.csv` and `.tsv` survey exports: one document per respondent row.
///
/// The bytes are decoded (any common encoding, found or given), the delimiter is sniffed among comma, tab and semicolon (tab preferred for `.tsv`),
/// the records are parsed as RFC 4180, and `SurveyTable` turns them into documents. An export can also be streamed
/// (`stream`), its documents made as its rows are read.
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
        let (delimiter, notes) = Self.delimiter(of: text, format: format, path: source.path)
        let warnings = decoded.warnings + notes
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

    /// The documents of the export at `source.path` a batch at a time, as its rows are read, when it can be
    /// streamed (`DelimitedTextFile`); nil when it must be read whole with `read`.
    func stream(_ source: DocumentSource, blockBytes: Int = DelimitedTextFile.defaultBlockBytes) -> SurveyExportStream? {
        guard let file = DelimitedTextFile.open(path: source.path, format: format, options: options, blockBytes: blockBytes)
        else { return nil }
        return SurveyExportStream(file: file, source: source, format: format, options: options, rule: rule)
    }

    /// The delimiter of `text`, sniffed among comma, tab and semicolon, and a note when it is not the one the
    /// format leads one to expect.
    static func delimiter(of text: String, format: DocumentFormat, path: String) -> (Unicode.Scalar, [Diagnostic]) {
        let expected: Unicode.Scalar = format == .tsv ? "\t" : ","
        // Only `.tsv` is a hint: a `.csv` may hold any of the three, and comma already wins ties among equals.
        let delimiter = DelimiterSniffer().delimiter(of: text, hint: format == .tsv ? "\t" : nil)
        guard delimiter != expected else { return (delimiter, []) }
        return (delimiter, [
            Diagnostic(
                .note, at: SourceLocation(path: path, line: 1),
                "fields are separated by \(Self.name(of: delimiter)), not \(Self.name(of: expected))")
        ])
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
