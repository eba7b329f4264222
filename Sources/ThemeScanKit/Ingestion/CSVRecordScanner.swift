/// Reads RFC 4180 records from UTF-8 handed over in pieces of any size, keeping its place between pieces.
///
/// The rules are `CSVParser`'s. Only ASCII bytes decide anything (quote, delimiter, CR, LF), and UTF-8 never uses
/// one inside a longer sequence, so a piece may end anywhere, even inside a character: a field's bytes are
/// gathered until it ends. Outside quotes, CRLF and a lone CR end a record as LF does; inside them, a CR is kept
/// as it is and only LF counts as a new line.
struct CSVRecordScanner {
    private static let quote: UInt8 = 0x22
    private static let carriageReturn: UInt8 = 0x0D
    private static let lineFeed: UInt8 = 0x0A

    let delimiter: UInt8
    /// The line the next byte is on.
    private(set) var line = 1
    /// The most bytes one record has taken so far, line end included.
    private(set) var largestRecordBytes = 0
    private var recordLine = 1
    private var recordBytes = 0
    private var quoteLine = 0
    private var inQuotes = false
    private var fieldWasQuoted = false
    /// A quote inside a quoted field ended the last piece: the next byte tells a doubled quote from the close.
    private var quoteEndedPiece = false
    /// The last byte was a CR that ended a record: an LF right after it belongs to the same line end.
    private var afterCarriageReturn = false
    private var fields: [String] = []
    private var field: [UInt8] = []

    /// A scanner for fields separated by `delimiter`, an ASCII byte.
    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Scans `bytes`, handing each record that ends in them to `onRecord` until it returns false; false when it
    /// did (the scanner must then not be used further).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, onRecord: (CSVRecord) -> Bool) -> Bool {
        let count = bytes.count
        var index = 0
        recordBytes += count
        while index < count {
            let byte = bytes[index]
            if afterCarriageReturn {
                afterCarriageReturn = false
                if byte == Self.lineFeed {
                    index += 1
                    continue
                }
            }
            if quoteEndedPiece {
                quoteEndedPiece = false
                if byte == Self.quote {
                    field.append(Self.quote)
                    index += 1
                    continue
                }
                inQuotes = false
            }
            if inQuotes {
                switch byte {
                case Self.quote:
                    if index + 1 == count {
                        quoteEndedPiece = true
                    } else if bytes[index + 1] == Self.quote {
                        field.append(Self.quote)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                    index += 1
                default:
                    // The run up to the next quote in one append.
                    var end = index
                    while end < count, bytes[end] != Self.quote {
                        if bytes[end] == Self.lineFeed { line += 1 }
                        end += 1
                    }
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                }
                continue
            }
            switch byte {
            case Self.quote where field.isEmpty && !fieldWasQuoted:
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
                index += 1
            case delimiter:
                endField()
                index += 1
            case Self.carriageReturn, Self.lineFeed:
                index += 1
                afterCarriageReturn = byte == Self.carriageReturn
                // What of this piece is not yet scanned belongs to later records.
                recordBytes -= count - index
                let going = endRecord(onRecord)
                recordBytes = count - index
                line += 1
                recordLine = line
                if !going { return false }
            default:
                var end = index + 1
                while end < count {
                    let next = bytes[end]
                    if next == delimiter || next == Self.carriageReturn || next == Self.lineFeed || next == Self.quote {
                        break
                    }
                    end += 1
                }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            }
        }
        largestRecordBytes = max(largestRecordBytes, recordBytes)
        return true
    }

    /// Ends the text: hands on its last record when no line end follows it. Returns the line a quoted field
    /// opened on when the text ends inside it, else nil.
    mutating func finish(onRecord: (CSVRecord) -> Bool) -> Int? {
        if quoteEndedPiece {
            quoteEndedPiece = false
            inQuotes = false
        }
        if inQuotes { return quoteLine }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { _ = endRecord(onRecord) }
        return nil
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
    }

    private mutating func endRecord(_ onRecord: (CSVRecord) -> Bool) -> Bool {
        endField()
        largestRecordBytes = max(largestRecordBytes, recordBytes)
        // The record keeps its fields: the next one gets a list the size of this one. Keeping the capacity of a
        // list another record holds made every row's list as large as the widest before it (over 2 KB a row in a
        // survey export of three columns).
        let count = fields.count
        defer {
            fields = []
            fields.reserveCapacity(count)
        }
        // A line with nothing on it is not a record.
        if fields.count == 1 && fields[0].isEmpty { return true }
        return onRecord(CSVRecord(fields: fields, line: recordLine))
    }
}
