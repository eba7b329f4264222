import CDeflate

/// A zip entry's raw deflate stream (zlib), with the CRC-32 of what went in; owns its zlib handle, which `reset`
/// readies for the next entry.
final class DeflateStream {
    /// zlib's fastest level. A workbook's sheets are long runs of near-identical cell XML: the default level (6)
    /// spent five times as long on them for a file about a third smaller.
    static let fastestLevel: Int32 = 1

    private let stream: OpaquePointer
    /// CRC-32 of the bytes taken so far.
    private(set) var checksum: UInt32 = 0
    /// How many bytes have been taken.
    private(set) var inputCount = 0
    /// Scratch space compressed bytes pass through on their way to the caller.
    private var output = [UInt8](repeating: 0, count: 256 << 10)

    /// Throws `ZipWriteError.compressionFailed` when zlib cannot set up a stream (no memory).
    init(level: Int32 = fastestLevel, entry: String) throws(ZipWriteError) {
        guard let stream = cdeflate_open(level) else { throw .compressionFailed(entry: entry, code: -4) }
        self.stream = stream
    }

    deinit { cdeflate_close(stream) }

    /// Starts a new entry with the stream's memory: zlib's state and the output buffer are half a megabyte, which
    /// a project of thousands of source files allocated and cleared once per file.
    func reset(entry: String) throws(ZipWriteError) {
        let status = cdeflate_reset(stream)
        guard status == 0 else { throw .compressionFailed(entry: entry, code: status) }
        checksum = 0
        inputCount = 0
    }

    /// Compresses `bytes`, handing what comes out to `body`; `finish` ends the stream after them.
    ///
    /// Throws `ZipWriteError.compressionFailed` when zlib fails, and what `body` throws.
    func compress(
        _ bytes: UnsafeRawBufferPointer, finish: Bool, entry: String, into body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let input = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        if let input { checksum = cdeflate_crc32(checksum, input, bytes.count) }
        inputCount += bytes.count
        var offset = 0
        while true {
            var consumed = 0
            var produced = 0
            let status = output.withUnsafeMutableBufferPointer { buffer in
                cdeflate_compress(
                    stream, input.map { $0 + offset }, bytes.count - offset, buffer.baseAddress, buffer.count,
                    finish ? 1 : 0, &consumed, &produced)
            }
            guard status >= 0 else { throw ZipWriteError.compressionFailed(entry: entry, code: status) }
            offset += consumed
            if produced > 0 { try output.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<produced])) } }
            // More to come while input is left or zlib filled the buffer; a finished stream ends with status 1.
            if finish ? status == 1 : (offset == bytes.count && produced < output.count) { return }
        }
    }
}
