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
