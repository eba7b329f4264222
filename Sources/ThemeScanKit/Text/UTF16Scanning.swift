/// Reads the scalar that starts at `index` of UTF-16 `units`, with its length in units.
///
/// A lone surrogate reads as U+FFFD of length one, so scanning never stalls on malformed text.
@inline(__always)
func scalarValue<Units: RandomAccessCollection<UInt16>>(in units: Units, at index: Int) -> (value: UInt32, length: Int)
where Units.Index == Int {
    let unit = units[index]
    if UTF16.isLeadSurrogate(unit), index + 1 < units.endIndex, UTF16.isTrailSurrogate(units[index + 1]) {
        let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
        return (value, 2)
    }
    if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) { return (0xFFFD, 1) }
    return (UInt32(unit), 1)
}

/// Reads the scalar that ends just before `index` of UTF-16 `units`.
@inline(__always)
func scalarValue<Units: RandomAccessCollection<UInt16>>(in units: Units, before index: Int) -> UInt32
where Units.Index == Int {
    let unit = units[index - 1]
    if UTF16.isTrailSurrogate(unit), index - 2 >= units.startIndex, UTF16.isLeadSurrogate(units[index - 2]) {
        return 0x10000 + ((UInt32(units[index - 2]) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
    }
    if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) { return 0xFFFD }
    return UInt32(unit)
}

/// Makes a string from UTF-16 units, optionally showing line breaks and tabs as spaces.
///
/// Encodes UTF-8 straight into the string's storage: `String(decoding:as: UTF16.self)` takes a generic slow path
/// that cost more than matching itself on match-dense text. Lone surrogates become U+FFFD.
func makeString(fromUTF16 units: UnsafeBufferPointer<UInt16>, flatteningLineBreaks: Bool = false) -> String {
    String(unsafeUninitializedCapacity: units.count * 3) { bytes in
        var count = 0
        var index = 0
        while index < units.count {
            var (value, length) = scalarValue(in: units, at: index)
            index += length
            if flatteningLineBreaks, value == 0x0A || value == 0x0D || value == 0x09 { value = 0x20 }
            switch value {
            case 0..<0x80:
                bytes[count] = UInt8(value)
                count += 1
            case 0x80..<0x800:
                bytes[count] = UInt8(0xC0 | (value >> 6))
                bytes[count + 1] = UInt8(0x80 | (value & 0x3F))
                count += 2
            case 0x800..<0x10000:
                bytes[count] = UInt8(0xE0 | (value >> 12))
                bytes[count + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                bytes[count + 2] = UInt8(0x80 | (value & 0x3F))
                count += 3
            default:
                bytes[count] = UInt8(0xF0 | (value >> 18))
                bytes[count + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
                bytes[count + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
                bytes[count + 3] = UInt8(0x80 | (value & 0x3F))
                count += 4
            }
        }
        return count
    }
}
