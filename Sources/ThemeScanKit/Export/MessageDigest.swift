import CCrypto

/// One of OpenSSL's message digests part way through a message: the handle `SHA256` and `SHA1` hash with.
///
/// OpenSSL's SHA-256 uses the processor's SHA instructions where it has them; hashing the inputs for `run.json` in
/// Swift had cost a thirtieth of a run. A digest is changed only by its sole owner (`SHA256` copies a shared one
/// before updating it), which is what makes it safe to send.
final class MessageDigest: @unchecked Sendable {
    enum Algorithm: Int32 {
        case sha1 = 1
        case sha256 = 256
    }

    private let handle: OpaquePointer

    init(_ algorithm: Algorithm) {
        guard let handle = ccrypto_digest_open(algorithm.rawValue) else {
            fatalError("OpenSSL could not start a \(algorithm) digest")
        }
        self.handle = handle
    }

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        ccrypto_digest_close(handle)
    }

    /// A digest that has seen what this one has and goes on independently.
    func copy() -> MessageDigest {
        guard let copied = ccrypto_digest_copy(handle) else { fatalError("OpenSSL could not copy a digest") }
        return MessageDigest(handle: copied)
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard ccrypto_digest_update(handle, bytes.baseAddress, bytes.count) == 1 else {
            fatalError("OpenSSL could not update a digest")
        }
    }

    /// The digest of everything added; this digest cannot be updated afterwards.
    func finish() -> [UInt8] {
        var length: UInt32 = 0
        let digest = [UInt8](unsafeUninitializedCapacity: 64) { buffer, count in
            guard ccrypto_digest_finish(handle, buffer.baseAddress, &length) == 1 else {
                fatalError("OpenSSL could not finish a digest")
            }
            count = Int(length)
        }
        return digest
    }
}
