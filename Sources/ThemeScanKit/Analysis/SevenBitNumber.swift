/// A whole number written seven bits a byte, low bits first, the top bit of each byte saying another follows: the
/// numbers and lengths of the records a run sets aside (`DocumentSummaryFile`), most of which fit in a byte.
enum SevenBitNumber {
    /// Appends `value`, which is not negative.
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        precondition(value >= 0, "set-aside numbers are never negative")
        var rest = UInt(value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// The number at `offset` of `bytes`, `offset` moving past it; nil when the bytes end first.
    static func read(_ bytes: UnsafeRawBufferPointer, at offset: inout Int) -> Int? {
        var value: UInt = 0
        var shift: UInt = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            value |= UInt(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return Int(truncatingIfNeeded: value) }
            shift += 7
        }
        return nil
    }
}
