/// A piece of UTF-16 text encoded to UTF-8 once, so the CSV fields cut from it are copied rather than encoded again.
///
/// Every match of a turn quotes its sentence and context in `matches.csv`, so the same text went through the
/// UTF-8 encoder once per row that quoted it: on a long unpunctuated answer, whose sentences are cut 300 characters
/// either side of each match, that was most of the cost of a row. A field whose text holds nothing CSV treats
/// specially is now a copy of bytes; the rest take `CSVTable.appendField`, so the bytes are the same either way.
struct CSVFieldSource {
    let units: [UInt16]
    /// The text as UTF-8; lone surrogates are U+FFFD, as `CSVTable.appendField` writes them.
    private let utf8: [UInt8]
    /// `utf8` offsets of each UTF-16 position, `units.count` included.
    private let offsets: [UInt32]
    /// UTF-16 positions, ascending, of the units a field cannot be copied over: commas and quotes (quoting), line
    /// breaks and tabs (flattening), and surrogates (so a copied field never starts or ends inside a pair).
    private let specials: [Int]

    init(units: [UInt16]) {
        self.units = units
        var specials: [Int] = []
        // Written through pointers into arrays sized for the worst case (three bytes a unit): appended a byte at a
        // time, each append checked the capacity, and a turn's text is encoded here once per turn with matches.
        let count = units.count
        var utf8: [UInt8] = []
        offsets = [UInt32](unsafeUninitializedCapacity: count + 1) { offsets, initialized in
            utf8 = [UInt8](unsafeUninitializedCapacity: count * 3) { utf8, written in
                units.withUnsafeBufferPointer { units in
                    var end = 0
                    for position in 0..<count {
                        offsets[position] = UInt32(truncatingIfNeeded: end)
                        let unit = units[position]
                        switch unit {
                        case 0x09, 0x0A, 0x0D, 0x22, 0x2C:
                            specials.append(position)
                            utf8[end] = UInt8(truncatingIfNeeded: unit)
                            end += 1
                        case 0..<0x80:
                            utf8[end] = UInt8(truncatingIfNeeded: unit)
                            end += 1
                        case 0x80..<0x800:
                            utf8[end] = UInt8(truncatingIfNeeded: 0xC0 | (unit >> 6))
                            utf8[end + 1] = UInt8(truncatingIfNeeded: 0x80 | (unit & 0x3F))
                            end += 2
                        case 0xD800..<0xE000:
                            // Only the slow path writes these, so what is stored for them is never copied.
                            specials.append(position)
                            utf8[end] = 0xEF
                            utf8[end + 1] = 0xBF
                            utf8[end + 2] = 0xBD
                            end += 3
                        default:
                            utf8[end] = UInt8(truncatingIfNeeded: 0xE0 | (unit >> 12))
                            utf8[end + 1] = UInt8(truncatingIfNeeded: 0x80 | ((unit >> 6) & 0x3F))
                            utf8[end + 2] = UInt8(truncatingIfNeeded: 0x80 | (unit & 0x3F))
                            end += 3
                        }
                    }
                    offsets[count] = UInt32(truncatingIfNeeded: end)
                    written = end
                }
            }
            initialized = count + 1
        }
        self.utf8 = utf8
        self.specials = specials
    }

    /// Appends `units[range]` as a CSV field, exactly as `CSVTable.appendField(utf16:flatteningLineBreaks:to:)` does.
    func appendField(_ range: Range<Int>, flatteningLineBreaks: Bool, to bytes: inout [UInt8]) {
        guard hasSpecial(in: range) else {
            // Through a buffer pointer: appending an `ArraySlice` retained and released the text's storage, an
            // atomic count on every field of every row.
            let bytesRange = Int(offsets[range.lowerBound])..<Int(offsets[range.upperBound])
            utf8.withUnsafeBufferPointer { utf8 in
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[bytesRange]))
            }
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
