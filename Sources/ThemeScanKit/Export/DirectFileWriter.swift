import CPlatform
import Foundation

/// Writes a large file past the page cache where the file system allows it (Linux `O_DIRECT`), through an
/// aligned buffer.
///
/// `matches.csv` and a huge document's set-aside rows run to about 15 bytes per byte of interview text. Copying
/// them into the page cache cost the kernel about 4 seconds of processor time per gigabyte on the machines
/// measured (BENCHMARKS.md), on the thread that writes; handed to the disk from an aligned buffer they cost a
/// tenth of that. Where the file system refuses (tmpfs, some network file systems) the writer writes through
/// the page cache, with the same bytes.
final class DirectFileWriter {
    /// A failed system call, with its `errno`.
    enum Failure: Error {
        case system(Int32)

        var reason: String {
            switch self {
            case .system(let code): String(cString: strerror(code))
            }
        }
    }

    /// Offsets, addresses and lengths of direct writes are multiples of this: the largest logical block size of
    /// common devices.
    static let blockSize = 4096
    static let bufferSize = 4 << 20

    /// Whether writes go past the page cache.
    private(set) var isDirect: Bool
    private var descriptor: Int32
    private let buffer: UnsafeMutableRawPointer
    private var count = 0
    /// Where the file has not yet been handed to the disk, and how much has been written since, when writing
    /// through the page cache.
    private var writebackStart: Int64 = 0
    private var writtenSinceWriteback = 0
    /// Through the page cache, the disk is started on what was written every this many bytes: `close` waits
    /// until the file is on disk, and a large file left to the end kept the run waiting for all of it at once.
    private static let writebackInterval = 32 << 20

    /// Creates the file at `path` (replacing one there) with `permissions`; `direct: false` writes through the
    /// page cache whatever the file system allows.
    init(path: String, permissions: mode_t = 0o644, exclusive: Bool = false, direct: Bool = true) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), permissions)
        guard descriptor >= 0 else { throw .system(errno) }
        self.descriptor = descriptor
        isDirect = direct && cplatform_set_direct(descriptor, 1) == 0
        buffer = .allocate(byteCount: Self.bufferSize, alignment: Self.blockSize)
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
        buffer.deallocate()
    }

    func write(_ bytes: [UInt8]) throws(Failure) {
        let failure: Failure? = bytes.withUnsafeBytes { bytes in
            do throws(Failure) { try write(bytes) } catch { return error }
            return nil
        }
        if let failure { throw failure }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let piece = min(bytes.count - offset, Self.bufferSize - count)
            (buffer + count).copyMemory(from: bytes.baseAddress! + offset, byteCount: piece)
            count += piece
            offset += piece
            if count == Self.bufferSize { try drain() }
        }
    }

    /// Appends the rest of the file open as `source`, read straight into the buffer.
    func append(contentsOf source: Int32) throws(Failure) {
        while true {
            let got = read(source, buffer + count, Self.bufferSize - count)
            if got < 0 {
                if errno == EINTR { continue }
                throw .system(errno)
            }
            if got == 0 { return }
            count += got
            if count == Self.bufferSize { try drain() }
        }
    }

    /// Writes what is buffered, waits until the file is on disk when asked, and closes it.
    func close(synchronizing: Bool) throws(Failure) {
        // The tail is shorter than a block: written through the page cache.
        if isDirect, count % Self.blockSize != 0 {
            let failure = cplatform_set_direct(descriptor, 0)
            guard failure == 0 else { throw .system(failure) }
            isDirect = false
        }
        try drain()
        if synchronizing, fsync(descriptor) != 0 { throw .system(errno) }
        let closed = Foundation.close(descriptor)
        descriptor = -1
        if closed != 0 { throw .system(errno) }
    }

    /// Writes the buffer's whole blocks, or all of it when not direct, and keeps the rest at its start.
    private func drain() throws(Failure) {
        let writable = isDirect ? count / Self.blockSize * Self.blockSize : count
        var written = 0
        while written < writable {
            let result = Foundation.write(descriptor, buffer + written, writable - written)
            if result < 0 {
                if errno == EINTR { continue }
                // A file system may take the flag and still refuse the write (a device with larger blocks, a
                // layered file system): the rest goes through the page cache.
                if errno == EINVAL, isDirect, cplatform_set_direct(descriptor, 0) == 0 {
                    isDirect = false
                    continue
                }
                throw .system(errno)
            }
            written += result
        }
        let rest = count - writable
        if writable > 0, rest > 0 { buffer.copyMemory(from: buffer + writable, byteCount: rest) }
        count = rest
        guard !isDirect else { return }
        writtenSinceWriteback += writable
        if writtenSinceWriteback >= Self.writebackInterval {
            writebackStart = Int64(cplatform_start_writeback(descriptor, writebackStart))
            writtenSinceWriteback = 0
        }
    }
}
