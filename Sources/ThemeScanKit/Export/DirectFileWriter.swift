import CPlatform
import Foundation

/// Writes a large file past the page cache where the file system allows it (Linux `O_DIRECT`), from aligned
/// buffers handed to a background thread.
///
/// `matches.csv` and a huge document's set-aside rows run to about 15 bytes per byte of interview text. Copying
/// them into the page cache cost the kernel about 4 seconds of processor time per gigabyte on the machines
/// measured (BENCHMARKS.md), on the thread that writes; handed to the disk from an aligned buffer they cost a
/// tenth of that. A direct write waits for the disk, so it happens on a thread of its own while the next buffer
/// fills: the writer's caller, an analysis worker or the task that writes results in order, never waits for the
/// disk unless the disk falls a whole buffer behind. Where the file system refuses (tmpfs, some network file
/// systems) the writer writes through the page cache, with the same bytes.
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
    /// The buffer being filled, and the one the background thread may be writing.
    private var filling: UnsafeMutableRawPointer
    private var spare: UnsafeMutableRawPointer
    private var count = 0
    private let queue = DispatchQueue(label: "DirectFileWriter")
    private let pending = DispatchGroup()
    private let background: BackgroundState

    /// Creates the file at `path` (replacing one there, unless `exclusive`) with `permissions`; `direct: false`
    /// writes through the page cache whatever the file system allows.
    init(path: String, permissions: mode_t = 0o644, exclusive: Bool = false, direct: Bool = true) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), permissions)
        guard descriptor >= 0 else { throw .system(errno) }
        self.descriptor = descriptor
        isDirect = direct && cplatform_set_direct(descriptor, 1) == 0
        filling = .allocate(byteCount: Self.bufferSize, alignment: Self.blockSize)
        spare = .allocate(byteCount: Self.bufferSize, alignment: Self.blockSize)
        background = BackgroundState(descriptor: descriptor)
    }

    deinit {
        pending.wait()
        if descriptor >= 0 { Foundation.close(descriptor) }
        filling.deallocate()
        spare.deallocate()
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
            (filling + count).copyMemory(from: bytes.baseAddress! + offset, byteCount: piece)
            count += piece
            offset += piece
            if count == Self.bufferSize { try handOff() }
        }
    }

    /// Appends the rest of the file open as `source`: read past the page cache where the file system allows it, or
    /// straight into the buffer through the cache.
    ///
    /// The file is a document's set-aside rows, written past the cache by another of these writers, so reading it
    /// through the cache made the kernel fill the cache from the disk and copy out of it: for the 319 MB of rows of
    /// a 10 MB Han run, 0.54 s of a 2.4 s run. Read past the cache, the disk's data lands in an aligned buffer.
    func append(contentsOf source: Int32) throws(Failure) {
        if cplatform_set_direct(source, 1) == 0 {
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.bufferSize, alignment: Self.blockSize)
            defer { buffer.deallocate() }
            var atEnd = false
            while true {
                let got = read(source, buffer, Self.bufferSize)
                if got < 0 {
                    let failure = errno
                    if failure == EINTR { continue }
                    // Refused after all (see `BackgroundWrite.run`), or the file's offset is not a block's: the rest
                    // is read through the cache.
                    guard failure == EINVAL else { throw .system(failure) }
                    break
                }
                if got == 0 {
                    atEnd = true
                    break
                }
                try write(UnsafeRawBufferPointer(start: buffer, count: got))
                // Only the end of the file gives a part of a block; should anything else, the file's offset is no
                // longer one a direct read may start at.
                if got % Self.blockSize != 0 { break }
            }
            // The descriptor is the caller's: it is left as it came.
            let failure = cplatform_set_direct(source, 0)
            guard failure == 0 else { throw .system(failure) }
            if atEnd { return }
        }
        while true {
            let got = read(source, filling + count, Self.bufferSize - count)
            if got < 0 {
                if errno == EINTR { continue }
                throw .system(errno)
            }
            if got == 0 { return }
            count += got
            if count == Self.bufferSize { try handOff() }
        }
    }

    /// Writes what is buffered, waits until the file is on disk when asked, and closes it.
    func close(synchronizing: Bool) throws(Failure) {
        try finishWriting()
        // The tail is shorter than a block: written through the page cache.
        if isDirect, count % Self.blockSize != 0 {
            let failure = cplatform_set_direct(descriptor, 0)
            guard failure == 0 else { throw .system(failure) }
            isDirect = false
        }
        try handOff()
        try finishWriting()
        if synchronizing, fsync(descriptor) != 0 { throw .system(errno) }
        let closed = Foundation.close(descriptor)
        descriptor = -1
        if closed != 0 { throw .system(errno) }
    }

    /// Hands the filled buffer's whole blocks, or all of it when not direct, to the background thread, and goes on
    /// filling the other buffer, starting with the rest.
    private func handOff() throws(Failure) {
        try finishWriting()
        let writable = isDirect ? count / Self.blockSize * Self.blockSize : count
        let rest = count - writable
        if rest > 0 { spare.copyMemory(from: filling + writable, byteCount: rest) }
        let job = BackgroundWrite(
            state: background, bytes: UnsafeRawBufferPointer(start: filling, count: writable), direct: isDirect)
        queue.async(group: pending) { job.run() }
        swap(&filling, &spare)
        count = rest
    }

    /// Waits for the background write, and learns how it went.
    private func finishWriting() throws(Failure) {
        pending.wait()
        if background.refusedDirect { isDirect = false }
        if background.failure != 0 { throw .system(background.failure) }
    }

    /// What the background thread knows and reports; read by the writer only after waiting for it.
    private final class BackgroundState: @unchecked Sendable {
        let descriptor: Int32
        var failure: Int32 = 0
        var refusedDirect = false
        /// Through the page cache, the disk is started on what was written every `writebackInterval` bytes:
        /// `close` waits until the file is on disk, and a large file left to the end kept the run waiting for
        /// all of it at once.
        var writebackStart: Int64 = 0
        var writtenSinceWriteback = 0
        static let writebackInterval = 32 << 20

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }
    }

    /// One buffer's write, run on the background thread.
    private struct BackgroundWrite: @unchecked Sendable {
        let state: BackgroundState
        let bytes: UnsafeRawBufferPointer
        let direct: Bool

        func run() {
            guard state.failure == 0 else { return }
            var written = 0
            while written < bytes.count {
                let result = Foundation.write(state.descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    // A file system may take the flag and still refuse the write (a device with larger blocks, a
                    // layered file system): the rest goes through the page cache.
                    if errno == EINVAL, direct, !state.refusedDirect, cplatform_set_direct(state.descriptor, 0) == 0 {
                        state.refusedDirect = true
                        continue
                    }
                    state.failure = errno
                    return
                }
                written += result
            }
            guard !direct || state.refusedDirect else { return }
            state.writtenSinceWriteback += bytes.count
            if state.writtenSinceWriteback >= BackgroundState.writebackInterval {
                state.writebackStart = Int64(cplatform_start_writeback(state.descriptor, state.writebackStart))
                state.writtenSinceWriteback = 0
            }
        }
    }
}
