/// Reads RFC 4180 CSV: quoted fields may hold delimiters, line breaks and doubled quotes.
///
/// Written here because none of the packages this project may use parses CSV. Accepts LF and CRLF line ends
/// and a trailing line break; blank lines are skipped.
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
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 0
        var inQuotes = false
        var fieldWasQuoted = false
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
                records.append(CSVRecord(fields: fields, line: recordLine))
            }
            fields = []
        }

        while let scalar = pending ?? iterator.next() {
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
        if inQuotes { throw .unclosedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
