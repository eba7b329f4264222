/// Renders `matches.csv` rows straight from a segment's UTF-16 text into CSV bytes.
///
/// The same bytes `AnalysisResult.matchRows` and `CSVTable` produce, without a `String` per field or an array per
/// row: the fields that repeat (document, case, theme, code, term) are rendered once, and surface and context are
/// encoded from the text as it is scanned. On match-dense text building match records and rows cost as much as
/// finding the matches.
public struct MatchRowRenderer: Sendable {
    /// `theme,code,term,` for each term and credited code, by term index.
    private let creditFields: [[UInt8]]

    public init(codes: [(theme: Theme, code: Code)], terms: [(code: Int, term: Term)]) {
        creditFields = terms.map { entry in
            var bytes: [UInt8] = []
            let code = codes[entry.code]
            for field in [code.theme.id, code.code.id, entry.term.text] {
                CSVTable.append(field, to: &bytes)
                bytes.append(0x2C)
            }
            return bytes
        }
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
            bytes.append(contentsOf: creditFields[credit.term])
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
