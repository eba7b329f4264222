import Foundation

/// SHA-256 (FIPS 180-4), which `run.json` records for every input and codebook so a figure can be traced to the
/// exact files behind it.
///
/// OpenSSL's (`MessageDigest`), with value semantics: a copy of a hasher goes on independently of the original.
public struct SHA256: Sendable {
    /// The length of a digest in bytes.
    public static let digestByteCount = 32

    private var state = MessageDigest(.sha256)

    /// A hasher that has seen no bytes yet.
    public init() {}

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        if !isKnownUniquelyReferenced(&state) { state = state.copy() }
        state.update(bytes)
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The 32-byte digest of everything added so far; the hasher itself is left as it was.
    public func finalize() -> [UInt8] {
        state.copy().finish()
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
}
