/// Renders `matches.csv` rows straight from a segment's UTF-16 text into CSV bytes.
///
/// The same bytes `AnalysisResult.matchRows` and `CSVTable` produce, without a `String` per field or an array per
/// row: the fields that repeat (document, case, theme, code, term) are rendered once, and surface and context are
/// encoded from the text as it is scanned. On match-dense text building match records and rows cost as much as
/// finding the matches.
public struct MatchRowRenderer: Sendable {
    /// `theme,code,term,` for each term and credited code, one after another (see `creditFieldEnds`).
    ///
    /// One array rather than an array per term: appending a term's own array retained and released it for every
    /// row, an atomic count on a shared object, which was 1% of a run.
    private let creditFields: [UInt8]
    /// Where each term's fields end in `creditFields`, by term index; they start where the term before ends.
    private let creditFieldEnds: [Int]

    public init(codes: [(theme: Theme, code: Code)], terms: [(code: Int, term: Term)]) {
        var fields: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(terms.count)
        for entry in terms {
            let code = codes[entry.code]
            for field in [code.theme.id, code.code.id, entry.term.text] {
                CSVTable.append(field, to: &fields)
                fields.append(0x2C)
            }
            ends.append(fields.count)
        }
        creditFields = fields
        creditFieldEnds = ends
    }

    /// The fields that open every row of one segment: document, case, speaker and role, each followed by a comma.
    public func segmentPrefix(document: DocumentSummary, speaker: String?, role: SpeakerRole) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in [document.id, document.caseID, speaker ?? "", role.rawValue] {
            CSVTable.append(field, to: &bytes)
            bytes.append(0x2C)
        }
        return bytes
    }

    /// Appends the rows of one match, one per credit: `prefix` from `segmentPrefix`, the segment number, then
    /// surface, offsets, context and sentence cut from the text of `source`.
    func appendRows(
        credits: CreditList, prefix: [UInt8], segment: Int, source: CSVFieldSource, surface: Range<Int>,
        left: Range<Int>, right: Range<Int>, sentence: Range<Int>, start: Int, end: Int, scratch: inout [UInt8],
        to bytes: inout [UInt8]
    ) {
        func appendFields(to bytes: inout [UInt8]) {
            source.appendField(surface, flatteningLineBreaks: false, to: &bytes)
            bytes.append(0x2C)
            Self.appendDecimal(start, to: &bytes)
            bytes.append(0x2C)
            Self.appendDecimal(end, to: &bytes)
            bytes.append(0x2C)
            source.appendField(left, flatteningLineBreaks: true, to: &bytes)
            bytes.append(0x2C)
            source.appendField(right, flatteningLineBreaks: true, to: &bytes)
            bytes.append(0x2C)
            source.appendField(sentence, flatteningLineBreaks: true, to: &bytes)
            bytes.append(0x0D)
            bytes.append(0x0A)
        }
        func appendLead(_ credit: Credit) {
            bytes.append(contentsOf: prefix)
            Self.appendDecimal(segment, to: &bytes)
            bytes.append(0x2C)
            let start = credit.term == 0 ? 0 : creditFieldEnds[credit.term - 1]
            creditFields.withUnsafeBufferPointer { fields in
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: fields[start..<creditFieldEnds[credit.term]]))
            }
        }
        // Most terms credit one code: their row is rendered in place, and only shared terms render the fields
        // they repeat once, aside.
        if credits.count == 1 {
            appendLead(credits[0])
            appendFields(to: &bytes)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        appendFields(to: &scratch)
        for credit in credits {
            appendLead(credit)
            bytes.append(contentsOf: scratch)
        }
    }

    /// Appends `value` in decimal digits, as `String(value)` writes them (`ByteCursor.put(digitsOf:)`); three per
    /// row had made a string each.
    static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var cursor = ByteCursor(buffer)
            cursor.put(digitsOf: Int64(value))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<cursor.count]))
        }
    }
}
