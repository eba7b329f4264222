/// Reads RFC 4180 CSV: quoted fields may hold delimiters, line breaks and doubled quotes.
///
/// Written here because none of the packages this project may use parses CSV. Accepts LF, CRLF and CR line ends
/// (kept as LF inside quoted fields) and a trailing line break; blank lines are skipped. The delimiter is a parameter so the same parser reads
/// comma-, tab- and semicolon-separated exports.
public struct CSVParser: Sendable {
    /// Why a CSV text could not be read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// A quoted field opened on `line` is never closed.
        case unclosedQuote(line: Int)

        public var description: String {
            switch self {
            case .unclosedQuote(let line): return "unclosed quote: the quoted field opened on line \(line) never ends"
            }
        }
    }

    /// An ASCII character: comma, tab or semicolon in practice.
    public var delimiter: Unicode.Scalar

    public init(delimiter: Unicode.Scalar = ",") {
        precondition(delimiter.isASCII, "a CSV delimiter is an ASCII character")
        self.delimiter = delimiter
    }

    /// All records of `text`.
    public func records(in text: String) throws(Failure) -> [CSVRecord] {
        var records: [CSVRecord] = []
        if let openedOn = scan(text, onRecord: { records.append($0); return true }) {
            throw .unclosedQuote(line: openedOn)
        }
        return records
    }

    /// All records of `text` as spreadsheet rows: `number` is the record's 1-based position (header included),
    /// `line` the line it starts on.
    public func rows(in text: String) throws(Failure) -> [SpreadsheetRow] {
        try records(in: text).enumerated().map { index, record in
            SpreadsheetRow(number: index + 1, line: record.line, cells: record.fields)
        }
    }

    /// How many fields each of the first `limit` records of `text` has; never fails, for guessing the delimiter
    /// from the start of a file that may be broken further on.
    func fieldCounts(in text: String, limit: Int) -> [Int] {
        var counts: [Int] = []
        _ = scan(text) { record in
            counts.append(record.fields.count)
            return counts.count < limit
        }
        return counts
    }

    /// Hands each record of `text` to `onRecord` until it returns false; returns the line where a quoted field
    /// opened if the text ends inside it.
    private func scan(_ text: String, onRecord: (CSVRecord) -> Bool) -> Int? {
        var scanner = CSVRecordScanner(delimiter: UInt8(ascii: delimiter))
        var text = text
        let going = text.withUTF8 { scanner.scan($0, onRecord: onRecord) }
        return going ? scanner.finish(onRecord: onRecord) : nil
    }
}
