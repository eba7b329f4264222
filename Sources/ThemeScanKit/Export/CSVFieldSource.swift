/// A piece of UTF-16 text encoded to UTF-8 once, so the CSV fields cut from it are copied rather than encoded again.
///
/// Every match of a turn quotes its sentence and context in `matches.csv`, so the same text went through the
/// UTF-8 encoder once per row that quoted it: on a long unpunctuated answer, whose sentences are cut 300 characters
/// either side of each match, that was most of the cost of a row. A field whose text holds nothing CSV treats
/// specially is now a copy of bytes; the rest take `CSVTable.appendField`, so the bytes are the same either way.
struct CSVFieldSource {
    let units: [UInt16]
    /// The text as UTF-8; lone surrogates are U+FFFD, as `CSVTable.appendField` writes them.
    private var utf8: [UInt8] = []
    /// `utf8` offsets of each UTF-16 position, `units.count` included.
    private var offsets: [UInt32] = []
    /// UTF-16 positions, ascending, of the units a field cannot be copied over: commas and quotes (quoting), line
    /// breaks and tabs (flattening), and surrogates (so a copied field never starts or ends inside a pair).
    private var specials: [Int] = []

    init(units: [UInt16]) {
        self.units = units
        utf8.reserveCapacity(units.count * 3)
        offsets.reserveCapacity(units.count + 1)
        for (position, unit) in units.enumerated() {
            offsets.append(UInt32(utf8.count))
            switch unit {
            case 0x09, 0x0A, 0x0D, 0x22, 0x2C:
                specials.append(position)
                utf8.append(UInt8(unit))
            case 0..<0x80:
                utf8.append(UInt8(unit))
            case 0x80..<0x800:
                utf8.append(UInt8(0xC0 | (unit >> 6)))
                utf8.append(UInt8(0x80 | (unit & 0x3F)))
            case 0xD800..<0xE000:
                // Only the slow path writes these, so what is stored for them is never copied.
                specials.append(position)
                utf8.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default:
                utf8.append(UInt8(0xE0 | (unit >> 12)))
                utf8.append(UInt8(0x80 | ((unit >> 6) & 0x3F)))
                utf8.append(UInt8(0x80 | (unit & 0x3F)))
            }
        }
        offsets.append(UInt32(utf8.count))
    }

    /// Appends `units[range]` as a CSV field, exactly as `CSVTable.appendField(utf16:flatteningLineBreaks:to:)` does.
    func appendField(_ range: Range<Int>, flatteningLineBreaks: Bool, to bytes: inout [UInt8]) {
        guard hasSpecial(in: range) else {
            bytes.append(contentsOf: utf8[Int(offsets[range.lowerBound])..<Int(offsets[range.upperBound])])
            return
        }
        units.withUnsafeBufferPointer { buffer in
            CSVTable.appendField(
                utf16: UnsafeBufferPointer(rebasing: buffer[range]), flatteningLineBreaks: flatteningLineBreaks,
                to: &bytes)
        }
    }

    /// Whether a special unit lies in `range`: the first one at or after its start, by binary search.
    private func hasSpecial(in range: Range<Int>) -> Bool {
        var low = 0
        var high = specials.count
        while low < high {
            let middle = (low + high) / 2
            if specials[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low < specials.count && specials[low] < range.upperBound
    }
}
