import Foundation

/// Writes bytes into memory the caller has sized, with no check or growth on the way: for markup made millions of
/// times, such as a worksheet's cells, where appending to an array (a uniqueness and capacity check, and a call,
/// per piece) was half the cost.
///
/// The caller sizes the memory for the most it will write; writing past it traps rather than overrun the memory.
struct ByteCursor {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    /// How many bytes have been written.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    /// Starts again at the beginning of the memory, the bytes written so far having been used.
    mutating func rewind() {
        count = 0
    }

    /// The bytes written so far.
    var written: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { put(UnsafeRawBufferPointer($0)) }
    }

    mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { put($0) }
    }

    mutating func put(_ bytes: UnsafeRawBufferPointer) {
        precondition(count + bytes.count <= capacity, "ByteCursor: written past the memory it was given")
        guard let source = bytes.baseAddress else { return }
        memcpy(base + count, source, bytes.count)
        count += bytes.count
    }

    /// The decimal digits of `value`, with a minus sign when negative, as `String(value)` writes them.
    mutating func put(digitsOf value: Int64) {
        precondition(count + 20 <= capacity, "ByteCursor: written past the memory it was given")
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = value.magnitude
        let start = count
        repeat {
            base[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            count += 1
        } while magnitude > 0
        var digits = UnsafeMutableBufferPointer(start: base + start, count: count - start)
        digits.reverse()
    }
}
