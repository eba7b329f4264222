/// Cuts a byte stream into 64-byte blocks for SHA-1 and SHA-256, and pads its end as both define it (FIPS 180-4 §5.1.1).
///
/// Whole blocks are handed to the compression function straight from the caller's buffer; only the few bytes that
/// do not fill a block wait here for the next update.
struct HashBlockFeeder: Sendable {
    static let blockByteCount = 64

    /// Bytes of an unfinished block, fewer than `blockByteCount`.
    private var pending: [UInt8] = []
    private var messageByteCount: UInt64 = 0

    /// Hands every block that `bytes` completes to `compress`, whose buffer always holds a whole number of blocks.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, to compress: (UnsafeRawBufferPointer) -> Void) {
        messageByteCount &+= UInt64(bytes.count)
        var rest = bytes[...]
        if !pending.isEmpty {
            let filling = rest.prefix(Self.blockByteCount - pending.count)
            pending.append(contentsOf: filling)
            rest = rest[filling.endIndex...]
            guard pending.count == Self.blockByteCount else { return }
            pending.withUnsafeBytes(compress)
            pending.removeAll(keepingCapacity: true)
        }
        let wholeBlocksEnd = rest.startIndex + rest.count / Self.blockByteCount * Self.blockByteCount
        if wholeBlocksEnd > rest.startIndex {
            compress(UnsafeRawBufferPointer(rebasing: rest[..<wholeBlocksEnd]))
        }
        pending.append(contentsOf: rest[wholeBlocksEnd...])
    }

    /// Pads the message (a 1 bit, zeros, the message length in bits as a big-endian 64-bit number) and hands the last
    /// one or two blocks to `compress`. The feeder is spent afterwards.
    mutating func finish(to compress: (UnsafeRawBufferPointer) -> Void) {
        let bitCount = messageByteCount &* 8
        pending.append(0x80)
        while pending.count % Self.blockByteCount != Self.blockByteCount - 8 { pending.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { pending.append(UInt8(truncatingIfNeeded: bitCount >> UInt64(shift))) }
        pending.withUnsafeBytes(compress)
        pending.removeAll()
    }
}
