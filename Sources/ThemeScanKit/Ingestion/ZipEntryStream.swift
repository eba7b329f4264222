import CDeflate

/// The inflated bytes of one zip entry, given a piece at a time as a reader asks for them, so that a large part (a
/// workbook's sheet) is never held inflated whole.
///
/// It holds to what `ZipArchiveReader.bytes(of:)` checks: at most `maximumEntryBytes` inflated, the stream ending
/// with the entry's stored bytes, and the entry's checksum. It does not say why it failed: its reader then reads
/// the entry whole, whose error names the problem.
final class ZipEntryStream {
    private let stored: ArraySlice<UInt8>
    private let isDeflated: Bool
    private let checksum: UInt32
    private let limit: Int
    private let inflater: OpaquePointer?
    /// Stored bytes taken so far, from the slice's start.
    private var taken = 0
    private var produced = 0
    private var crc: UInt32 = 0
    private var ended = false
    /// Whether the entry proved unreadable; every later read fails too.
    private(set) var failed = false

    /// Whether every byte was given and checked.
    var isFinished: Bool { ended && !failed }

    /// The entry named `name` of `archive`; nil when it is missing, encrypted or neither stored nor deflated.
    init?(_ archive: ZipArchiveReader, entry name: String) {
        guard let (entry, stored) = archive.storedEntry(named: name), entry.compressionMethod == 0 || !stored.isEmpty
        else { return nil }
        self.stored = stored
        isDeflated = entry.compressionMethod == 8
        checksum = entry.checksum
        limit = archive.maximumEntryBytes
        if isDeflated {
            guard let inflater = cinflate_open() else { return nil }
            self.inflater = inflater
        } else {
            inflater = nil
        }
    }

    deinit {
        cinflate_close(inflater)
    }

    /// Fills the start of `buffer` with the next bytes: how many, 0 once every byte was given and checked, nil when
    /// the entry is corrupt, truncated, over the limit or fails its checksum.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        guard !failed else { return nil }
        guard !ended, buffer.count > 0 else { return 0 }
        let count = isDeflated ? inflate(into: buffer) : copy(into: buffer)
        guard let count else {
            failed = true
            return nil
        }
        produced += count
        crc = cdeflate_crc32(crc, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count)
        if produced > limit || ended && crc != checksum {
            failed = true
            return nil
        }
        return count
    }

    private func copy(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        let count = min(buffer.count, stored.count - taken)
        if count > 0 {
            stored.withUnsafeBytes { bytes in
                buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + taken, byteCount: count)
            }
        }
        taken += count
        ended = taken == stored.count
        return count
    }

    /// Inflates into `buffer` until it holds something or the stream ends; nil when the bytes are not a deflate
    /// stream or end before it does.
    private func inflate(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
        var filled = 0
        while filled == 0 {
            var consumed = 0
            var made = 0
            let status = stored.withUnsafeBytes { bytes in
                cinflate_run(
                    inflater, bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + taken, bytes.count - taken,
                    buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + filled, buffer.count - filled, &consumed,
                    &made)
            }
            taken += consumed
            filled += made
            if status == 1 {
                ended = true
                return filled
            }
            // No progress with every stored byte given: the entry ends before its stream does.
            guard status == 0, consumed > 0 || made > 0 else { return nil }
        }
        return filled
    }
}
