import Foundation

/// A file of the run's own for what it would otherwise hold to its end (the summaries of a survey export's rows,
/// its cases' counts, a workbook's shared strings while its sheet is read), written once and read back.
///
/// The file is readable by its owner only (it quotes case names and metadata) and is removed from its folder as
/// soon as it is made, so it goes with its descriptor whatever ends the run. It is filled by a `SetAsideWriter`,
/// then read from any thread: by ranges through a few cached pieces, since the tables read it side by side (the CSV
/// and JSON files, the workbook, the report), each mostly finding its own; or in order into a reader's own buffer.
final class SetAsideFile: Sendable {
    /// A piece of the file as read, from `start`.
    private struct Piece: Sendable {
        var start: Int
        var bytes: [UInt8]
    }

    private let descriptor: Int32
    /// The file's path when it was made, for messages.
    let path: String
    /// The folder it was made in; nil for the system's temporary folder.
    let folder: String?
    /// The pieces read last, most recent last.
    private let pieces = LockedValue<[Piece]>([])
    private static let pieceBytes = 256 << 10
    private static let keptPieces = 4

    /// Makes an empty file in `folder` (the system's temporary folder when nil), named from `prefix`.
    init(in folder: String?, prefix: String) throws(TextError) {
        let base = folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
        let path = base.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .setAsideUnwritten(path: path, reason: String(cString: strerror(errno))) }
        unlink(path)
        self.descriptor = descriptor
        self.path = path
        self.folder = folder
    }

    deinit {
        close(descriptor)
    }

    /// Writes `bytes` at `offset`; the writer is the file's only one, and nothing reads what it is writing.
    func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(TextError) {
        let failure = Self.transfer(bytes.count) { done in
            pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
        }
        guard failure == 0 else { throw .setAsideUnwritten(path: path, reason: String(cString: strerror(failure))) }
    }

    /// Fills `buffer` with the bytes from `offset`, which were written.
    ///
    /// The file is the run's own, written moments before and removed from every folder: failing to read it back is
    /// a failing disk, which stops the run.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        let failure = Self.transfer(buffer.count) { done in
            pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
        }
        guard failure == 0 else {
            fatalError("themescan: cannot read back what the run set aside in \(path): \(String(cString: strerror(failure)))")
        }
    }

    /// Calls `move` (a `pwrite` or `pread` of what is left after the bytes done) until `count` bytes are done, again
    /// when a signal interrupts it: 0, or the error that stopped it (`EIO` when a call moved nothing).
    private static func transfer(_ count: Int, _ move: (_ done: Int) -> Int) -> Int32 {
        var done = 0
        while done < count {
            let moved = move(done)
            if moved > 0 {
                done += moved
            } else if moved < 0, errno == EINTR {
                continue
            } else {
                return moved == 0 ? EIO : errno
            }
        }
        return 0
    }

    /// Calls `body` with the bytes of `range`, from a cached piece of the file or one read now: `pieceBytes` from
    /// the range's start, or the range if longer, but never past `end`, where the written bytes end.
    func withBytes<Result>(in range: Range<Int>, readingUpTo end: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let cached = pieces.withLock { pieces -> Piece? in
            guard let found = pieces.lastIndex(where: { $0.start <= range.lowerBound && range.upperBound <= $0.start + $0.bytes.count })
            else { return nil }
            let piece = pieces.remove(at: found)
            pieces.append(piece)
            return piece
        }
        let piece = cached ?? readPiece(from: range.lowerBound, count: min(max(Self.pieceBytes, range.count), end - range.lowerBound))
        if cached == nil {
            pieces.withLock { pieces in
                if pieces.count == Self.keptPieces { pieces.removeFirst() }
                pieces.append(piece)
            }
        }
        return piece.bytes.withUnsafeBytes { bytes in
            body(UnsafeRawBufferPointer(rebasing: bytes[(range.lowerBound - piece.start)..<(range.upperBound - piece.start)]))
        }
    }

    private func readPiece(from start: Int, count: Int) -> Piece {
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            read(into: UnsafeMutableRawBufferPointer(buffer), at: start)
            initialized = count
        }
        return Piece(start: start, bytes: bytes)
    }
}
