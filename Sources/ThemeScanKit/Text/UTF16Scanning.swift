/// Reads the scalar that starts at `index` of UTF-16 `units`, with its length in units.
///
/// A lone surrogate reads as U+FFFD of length one, so scanning never stalls on malformed text.
@inline(__always)
func scalarValue(in units: UnsafeBufferPointer<UInt16>, at index: Int) -> (value: UInt32, length: Int) {
    let unit = units[index]
    if UTF16.isLeadSurrogate(unit), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
        let value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
        return (value, 2)
    }
    if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) { return (0xFFFD, 1) }
    return (UInt32(unit), 1)
}

/// Reads the scalar that ends just before `index` of UTF-16 `units`.
@inline(__always)
func scalarValue(in units: UnsafeBufferPointer<UInt16>, before index: Int) -> UInt32 {
    let unit = units[index - 1]
    if UTF16.isTrailSurrogate(unit), index >= 2, UTF16.isLeadSurrogate(units[index - 2]) {
        return 0x10000 + ((UInt32(units[index - 2]) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
    }
    if UTF16.isLeadSurrogate(unit) || UTF16.isTrailSurrogate(unit) { return 0xFFFD }
    return UInt32(unit)
}
