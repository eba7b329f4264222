import Foundation

/// SHA-256 (FIPS 180-4), which `run.json` records for every input and codebook so a figure can be traced to the
/// exact files behind it.
///
/// Written here because Foundation on Linux has no CryptoKit and none of the project's packages (or ICU, libxml2,
/// zlib) exposes a SHA-256. Whole blocks are compressed straight from the caller's buffer, so hashing costs little
/// beside reading the file.
public struct SHA256: Sendable {
    /// The length of a digest in bytes.
    public static let digestByteCount = 32

    /// The eight working words a…h between blocks. A tuple, not a SIMD vector: the rounds are scalar, and a vector
    /// makes the compiler move every word between vector and general registers in each round.
    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    private var state: State = (
        0x6A09_E667, 0xBB67_AE85, 0x3C6E_F372, 0xA54F_F53A, 0x510E_527F, 0x9B05_688C, 0x1F83_D9AB, 0x5BE0_CD19
    )
    private var feeder = HashBlockFeeder()

    /// A hasher that has seen no bytes yet.
    public init() {}

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var state = self.state
        feeder.feed(bytes) { Self.compress(&state, blocks: $0) }
        self.state = state
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest of everything added so far; the hasher itself is left as it was.
    public func finalize() -> [UInt8] {
        var state = self.state
        var feeder = self.feeder
        feeder.finish { Self.compress(&state, blocks: $0) }
        var digest: [UInt8] = []
        digest.reserveCapacity(Self.digestByteCount)
        for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }

    /// The 32-byte digest of `message`.
    public static func digest(_ message: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(message)
        return hasher.finalize()
    }

    /// The digest of `message` as 64 lowercase hexadecimal digits.
    public static func hexDigest(_ message: [UInt8]) -> String {
        hex(digest(message))
    }

    /// The digest of the file at `path` as 64 lowercase hexadecimal digits, read in 1 MiB pieces so a file of any
    /// size hashes in little memory.
    public static func hexDigest(ofFileAt path: String) throws(FileDigestError) -> String {
        var hasher = SHA256()
        do {
            // A file replaced by a pipe or device since it was read is refused rather than waited on or read forever.
            let file = try RegularFile(path: path)
            while let piece = try file.read(upTo: 1 << 20) {
                piece.withUnsafeBytes { hasher.update($0) }
            }
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        return hex(hasher.finalize())
    }

    /// `digest` as lowercase hexadecimal digits.
    static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Runs the compression function over `blocks`, a whole number of 64-byte blocks, in place.
    private static func compress(_ state: inout State, blocks: UnsafeRawBufferPointer) {
        roundConstants.withUnsafeBufferPointer { constants in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                for blockStart in stride(from: 0, to: blocks.count, by: HashBlockFeeder.blockByteCount) {
                    for index in 0..<16 {
                        schedule[index] = blocks.loadUnaligned(fromByteOffset: blockStart + index * 4, as: UInt32.self).bigEndian
                    }
                    for index in 16..<64 {
                        let early = schedule[index - 15]
                        let late = schedule[index - 2]
                        let sigma0 = rotateRight(early, 7) ^ rotateRight(early, 18) ^ (early &>> 3)
                        let sigma1 = rotateRight(late, 17) ^ rotateRight(late, 19) ^ (late &>> 10)
                        schedule[index] = sigma1 &+ schedule[index - 7] &+ sigma0 &+ schedule[index - 16]
                    }
                    var (a, b, c, d, e, f, g, h) = state
                    // Ch and Maj below are the usual equivalent forms of FIPS 180-4's, with one operation fewer each.
                    for index in 0..<64 {
                        let sum1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
                        let choice = g ^ (e & (f ^ g))
                        let temporary1 = h &+ sum1 &+ choice &+ constants[index] &+ schedule[index]
                        let sum0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
                        let majority = (a & b) | (c & (a | b))
                        let temporary2 = sum0 &+ majority
                        h = g
                        g = f
                        f = e
                        e = d &+ temporary1
                        d = c
                        c = b
                        b = a
                        a = temporary1 &+ temporary2
                    }
                    state = (
                        state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
                        state.7 &+ h
                    )
                }
            }
        }
    }

    @inline(__always)
    private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value &>> count) | (value &<< (32 - count))
    }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428A_2F98, 0x7137_4491, 0xB5C0_FBCF, 0xE9B5_DBA5, 0x3956_C25B, 0x59F1_11F1, 0x923F_82A4, 0xAB1C_5ED5,
        0xD807_AA98, 0x1283_5B01, 0x2431_85BE, 0x550C_7DC3, 0x72BE_5D74, 0x80DE_B1FE, 0x9BDC_06A7, 0xC19B_F174,
        0xE49B_69C1, 0xEFBE_4786, 0x0FC1_9DC6, 0x240C_A1CC, 0x2DE9_2C6F, 0x4A74_84AA, 0x5CB0_A9DC, 0x76F9_88DA,
        0x983E_5152, 0xA831_C66D, 0xB003_27C8, 0xBF59_7FC7, 0xC6E0_0BF3, 0xD5A7_9147, 0x06CA_6351, 0x1429_2967,
        0x27B7_0A85, 0x2E1B_2138, 0x4D2C_6DFC, 0x5338_0D13, 0x650A_7354, 0x766A_0ABB, 0x81C2_C92E, 0x9272_2C85,
        0xA2BF_E8A1, 0xA81A_664B, 0xC24B_8B70, 0xC76C_51A3, 0xD192_E819, 0xD699_0624, 0xF40E_3585, 0x106A_A070,
        0x19A4_C116, 0x1E37_6C08, 0x2748_774C, 0x34B0_BCB5, 0x391C_0CB3, 0x4ED8_AA4A, 0x5B9C_CA4F, 0x682E_6FF3,
        0x748F_82EE, 0x78A5_636F, 0x84C8_7814, 0x8CC7_0208, 0x90BE_FFFA, 0xA450_6CEB, 0xBEF9_A3F7, 0xC671_78F2,
    ]
}
