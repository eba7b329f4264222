import Foundation

/// An open regular file: pipes, sockets, devices and folders are refused before a byte is read.
///
/// A path is checked when the inputs are walked, but it can change before it is read (a file replaced by a named
/// pipe or a link to `/dev/zero` between the walk and the read). So the file is opened without blocking and its
/// type and size are taken from the open descriptor, not from the path: what is read is what was checked.
/// Foundation's `Data(contentsOf:)` cannot be told to refuse a non-regular file, or how much to read at most.
final class RegularFile {
    /// Why a file could not be opened or read, as a short reason for a message.
    enum Failure: Error, Equatable {
        /// A pipe, socket, device or folder, named in `kind`.
        case notRegular(kind: String)
        case tooLarge(bytes: Int)
        case unreadable(reason: String)

        var reason: String {
            switch self {
            case .notRegular(let kind): return "it is \(kind), not a regular file"
            case .tooLarge(let bytes): return "it is \(bytes) bytes, too large"
            case .unreadable(let reason): return reason
            }
        }
    }

    /// Which file of which file system: two opens of one path give the same identity only if the file was not
    /// replaced between them.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    private let descriptor: Int32
    /// The size when the file was opened; it may still grow or shrink while it is read.
    let size: Int
    let identity: Identity

    /// Opens `path` for reading; throws when it is not a regular file (links are followed) or cannot be opened.
    init(path: String) throws(Failure) {
        // The path is looked at first so that a device is never even opened (opening some has side effects).
        var info = stat()
        guard stat(path, &info) == 0 else { throw .unreadable(reason: Self.lastError()) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegular(kind: Self.kind(of: info.st_mode)) }
        // O_NONBLOCK: should the path have become a named pipe since, opening it must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw .unreadable(reason: Self.lastError()) }
        guard fstat(descriptor, &info) == 0 else {
            let reason = Self.lastError()
            close(descriptor)
            throw .unreadable(reason: reason)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .notRegular(kind: Self.kind(of: info.st_mode))
        }
        self.descriptor = descriptor
        self.size = Int(info.st_size)
        self.identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    deinit {
        close(descriptor)
    }

    /// Reads the whole file, or throws `tooLarge` as soon as it holds more than `limit` bytes (it may have grown
    /// since it was opened).
    ///
    /// Read straight into an array of the size the file had when opened, and one byte more to see whether it grew:
    /// pieces read into zero-filled buffers and copied twice cost more than the reading, for every input.
    static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        let file = try RegularFile(path: path)
        guard file.size <= limit else { throw .tooLarge(bytes: file.size) }
        var failure: Failure?
        var bytes = [UInt8](unsafeUninitializedCapacity: file.size + 1) { buffer, initialized in
            initialized = file.readAll(into: buffer, failure: &failure)
        }
        if let failure { throw failure }
        guard bytes.count > file.size else { return bytes }
        // It grew since it was opened: the rest a piece at a time, still within the limit.
        guard bytes.count <= limit else { throw .tooLarge(bytes: bytes.count) }
        while let piece = try file.read(upTo: min(1 << 20, limit + 1 - bytes.count)) {
            bytes += piece
            guard bytes.count <= limit else { throw .tooLarge(bytes: max(file.size, bytes.count)) }
        }
        return bytes
    }

    /// Reads into `buffer` until it is full or the file ends; how many bytes were read. A read error is put in
    /// `failure` and ends the reading.
    private func readAll(into buffer: UnsafeMutableBufferPointer<UInt8>, failure: inout Failure?) -> Int {
        var count = 0
        while count < buffer.count {
            switch readOnce(into: buffer.baseAddress! + count, upTo: buffer.count - count) {
            case .success(0): return count
            case .success(let got): count += got
            case .failure(let error):
                failure = error
                return count
            }
        }
        return count
    }

    /// Reads at most `count` next bytes into `buffer` from `offset`, which has room for them; how many were read,
    /// 0 at the end of the file.
    func read(into buffer: inout [UInt8], at offset: Int, upTo count: Int) throws(Failure) -> Int {
        precondition(offset + count <= buffer.count)
        guard count > 0 else { return 0 }
        return try buffer.withUnsafeMutableBufferPointer { readOnce(into: $0.baseAddress! + offset, upTo: count) }.get()
    }

    /// The next piece of at most `count` bytes, or nil at the end of the file.
    func read(upTo count: Int) throws(Failure) -> [UInt8]? {
        guard count > 0 else { return nil }
        // Read into uninitialized room and kept as it is: zero-filled first and then copied, a file's digest
        // wrote a megabyte of zeros for every piece.
        var result: Result<Int, Failure> = .success(0)
        let piece = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            result = readOnce(into: buffer.baseAddress!, upTo: count)
            initialized = (try? result.get()) ?? 0
        }
        _ = try result.get()
        return piece.isEmpty ? nil : piece
    }

    /// The piece of at most `count` bytes from `offset`, or nil when the file ends there; fewer bytes only where it
    /// ends.
    func read(upTo count: Int, at offset: Int) throws(Failure) -> [UInt8]? {
        guard count > 0 else { return nil }
        var failure: Failure?
        let piece = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            while initialized < count {
                let got = pread(
                    descriptor, buffer.baseAddress! + initialized, count - initialized, off_t(offset + initialized))
                if got > 0 {
                    initialized += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failure = .unreadable(reason: Self.lastError())
                    break
                }
            }
        }
        if let failure { throw failure }
        return piece.isEmpty ? nil : piece
    }

    /// One `read(2)` of at most `count` bytes into `pointer`, tried again when a signal interrupts it: how many
    /// bytes it read, 0 at the end of the file. Every sequential read of this type goes through here.
    private func readOnce(into pointer: UnsafeMutablePointer<UInt8>, upTo count: Int) -> Result<Int, Failure> {
        while true {
            let got = Foundation.read(descriptor, pointer, count)
            if got >= 0 { return .success(got) }
            guard errno == EINTR else { return .failure(.unreadable(reason: Self.lastError())) }
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }

    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "a special file"
        }
    }
}
