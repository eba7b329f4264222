/// SHA-1 (FIPS 180-4), used only to derive name-based UUIDs (RFC 4122 version 5), which the RFC defines on SHA-1.
///
/// Written here because Foundation on Linux has no CryptoKit and none of the project's packages (or ICU, libxml2,
/// zlib) exposes a SHA-1. It is not used for anything security-related.
struct SHA1 {
    /// The 20-byte digest of `message`.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var state: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0)
        var feeder = HashBlockFeeder()
        message.withUnsafeBytes { bytes in feeder.feed(bytes) { compress(&state, blocks: $0) } }
        feeder.finish { compress(&state, blocks: $0) }
        var digest: [UInt8] = []
        digest.reserveCapacity(20)
        for word in [state.0, state.1, state.2, state.3, state.4] {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }

    /// Runs the compression function over `blocks`, a whole number of 64-byte blocks, in place.
    private static func compress(_ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32), blocks: UnsafeRawBufferPointer) {
        var words = [UInt32](repeating: 0, count: 80)
        for blockStart in stride(from: 0, to: blocks.count, by: HashBlockFeeder.blockByteCount) {
            for index in 0..<16 {
                words[index] = blocks.loadUnaligned(fromByteOffset: blockStart + index * 4, as: UInt32.self).bigEndian
            }
            for index in 16..<80 {
                words[index] = rotateLeft(words[index - 3] ^ words[index - 8] ^ words[index - 14] ^ words[index - 16], 1)
            }
            var (a, b, c, d, e) = state
            for index in 0..<80 {
                let f: UInt32
                let k: UInt32
                switch index {
                case 0..<20: (f, k) = ((b & c) | (~b & d), 0x5A82_7999)
                case 20..<40: (f, k) = (b ^ c ^ d, 0x6ED9_EBA1)
                case 40..<60: (f, k) = ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC)
                default: (f, k) = (b ^ c ^ d, 0xCA62_C1D6)
                }
                let temporary = rotateLeft(a, 5) &+ f &+ e &+ k &+ words[index]
                e = d
                d = c
                c = rotateLeft(b, 30)
                b = a
                a = temporary
            }
            state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e)
        }
    }

    private static func rotateLeft(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 - count))
    }
}
