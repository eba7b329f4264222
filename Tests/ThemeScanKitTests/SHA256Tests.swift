import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct SHA256Tests {
    /// The FIPS 180-4 example messages (NIST CSRC examples) and their digests.
    static let vectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    /// 130 bytes that are not all alike, so a block fed twice or skipped changes the digest.
    static let message130: [UInt8] = (0..<130).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }

    @Test(arguments: vectors)
    func nistExample(message: String, digest: String) {
        #expect(SHA256.hexDigest(Array(message.utf8)) == digest)
        #expect(SHA256.digest(Array(message.utf8)).count == SHA256.digestByteCount)
    }

    @Test func oneMillionAs() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hexDigest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)) == expected)
        // Pieces of 1000 bytes (not a multiple of the block size) leave a partial block between updates.
        var hasher = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(piece) }
        #expect(SHA256.hex(hasher.finalize()) == expected)
    }

    @Test func updatesSplitAtEveryOffsetGiveTheOneShotDigest() {
        let expected = SHA256.digest(Self.message130)
        for split in 0...Self.message130.count {
            var hasher = SHA256()
            hasher.update(Array(Self.message130[..<split]))
            hasher.update(Array(Self.message130[split...]))
            #expect(hasher.finalize() == expected, "split at \(split)")
        }
        var byteByByte = SHA256()
        for byte in Self.message130 { byteByByte.update([byte]) }
        #expect(byteByByte.finalize() == expected)
    }

    @Test func finalizingLeavesTheHasherAsItWas() {
        var hasher = SHA256()
        hasher.update(Array("ab".utf8))
        #expect(SHA256.hex(hasher.finalize()) == SHA256.hexDigest(Array("ab".utf8)))
        hasher.update(Array("c".utf8))
        #expect(SHA256.hex(hasher.finalize()) == Self.vectors[1].digest)
    }

    /// Hashers are values: a copy goes on from where the original was, and neither sees the other's updates.
    @Test func aCopiedHasherGoesOnIndependently() {
        var original = SHA256()
        original.update(Array("ab".utf8))
        var copy = original
        copy.update(Array("c".utf8))
        original.update(Array("x".utf8))
        #expect(SHA256.hex(copy.finalize()) == Self.vectors[1].digest)
        #expect(original.finalize() == SHA256.digest(Array("abx".utf8)))
    }

    /// SHA-1, which name-based REFI-QDA identifiers use: the FIPS 180-4 examples.
    @Test func sha1Examples() {
        #expect(SHA256.hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(SHA256.hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(
            SHA256.hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    }

    @Test func updatingFromARawBufferEqualsUpdatingFromAnArray() {
        var hasher = SHA256()
        Self.message130.withUnsafeBytes { hasher.update($0) }
        #expect(hasher.finalize() == SHA256.digest(Self.message130))
    }

    @Test func fileDigestEqualsInMemoryDigest() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Over two 1 MiB read pieces, with a tail that is not a whole block.
        let large = (0..<(2 << 20) + 1234).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ $0 >> 9) }
        let cases: [(name: String, bytes: [UInt8])] = [("empty.txt", []), ("short.txt", Self.message130), ("large.bin", large)]
        for (name, bytes) in cases {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            #expect(try SHA256.hexDigest(ofFileAt: url.path) == SHA256.hexDigest(bytes), "\(name)")
        }
        #expect(try SHA256.hexDigest(ofFileAt: folder.appendingPathComponent("empty.txt").path) == Self.vectors[0].digest)
    }

    @Test func missingFileIsNamedInTheError() throws {
        let path = "/nonexistent-themescan-folder/input.txt"
        let error = #expect(throws: FileDigestError.self) { try SHA256.hexDigest(ofFileAt: path) }
        #expect(error == .unreadable(path: path, reason: String(cString: strerror(ENOENT))))
        #expect(error?.description.hasPrefix("\(path): error: cannot read file") == true)
    }
}
