/// Reads RFC 4180 CSV: quoted fields may hold delimiters, line breaks and doubled quotes.
///
/// Written here because none of the packages this project may use parses CSV. Accepts LF and CRLF line ends
/// and a trailing line break; blank lines are skipped. The delimiter is a parameter so the same parser reads
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

    public var delimiter: Unicode.Scalar

    public init(delimiter: Unicode.Scalar = ",") {
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
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 0
        var inQuotes = false
        var fieldWasQuoted = false
        var stopped = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            // A line with nothing on it is not a record.
            if !(fields.count == 1 && fields[0].isEmpty) {
                stopped = !onRecord(CSVRecord(fields: fields, line: recordLine))
            }
            fields = []
        }

        while !stopped, let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
            case delimiter:
                endField()
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(scalar)
            }
        }
        if stopped { return nil }
        if inQuotes { return quoteLine }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return nil
    }
}
