/// SHA-1 (FIPS 180-4), used only to derive name-based UUIDs (RFC 4122 version 5), which the RFC defines on SHA-1.
///
/// OpenSSL's (`MessageDigest`). It is not used for anything security-related.
enum SHA1 {
    /// The 20-byte digest of `message`.
    static func digest(_ message: [UInt8]) -> [UInt8] {
        let digest = MessageDigest(.sha1)
        message.withUnsafeBytes { digest.update($0) }
        return digest.finish()
    }
}
