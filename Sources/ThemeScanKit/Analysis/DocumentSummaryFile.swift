import Foundation
import Synchronization

/// The document summaries of a run, read back from the file `DocumentSummaryWriter` set them aside in.
///
/// The file was removed from its folder as soon as it was created, so it goes with its descriptor, whatever ends the
/// run. A summary is read from a cached piece of the file: the tables read the documents in order, three of them at
/// once (the CSV and JSON files, the workbook, the report), so a few pieces are kept, each reader mostly finding its
/// own.
final class DocumentSummaryFile: Sendable {
    /// A piece of the file as read, from `start`.
    private struct Piece: Sendable {
        var start: Int
        var bytes: [UInt8]
    }

    private let descriptor: Int32
    /// Where each record starts, and where the last ends.
    private let offsets: [Int]
    private let nameLists: [DocumentMetadata.Names]
    /// The pieces read last, most recent last.
    private let pieces = Mutex<[Piece]>([])
    private static let pieceBytes = 256 << 10
    private static let keptPieces = 4

    /// Takes over `descriptor`, of a file whose records start at `offsets` (and the last ends at its last entry).
    init(descriptor: Int32, offsets: [Int], nameLists: [DocumentMetadata.Names]) {
        self.descriptor = descriptor
        self.offsets = offsets
        self.nameLists = nameLists
    }

    deinit {
        close(descriptor)
    }

    var count: Int { offsets.count - 1 }

    /// The summary of document `index`.
    ///
    /// The file is the run's own, written moments before and removed from every folder: failing to read it back is
    /// a failing disk, which stops the run.
    func summary(at index: Int) -> DocumentSummary {
        let start = offsets[index]
        let end = offsets[index + 1]
        let piece = pieces.withLock { pieces -> Piece? in
            guard let found = pieces.lastIndex(where: { $0.start <= start && end <= $0.start + $0.bytes.count }) else {
                return nil
            }
            let piece = pieces.remove(at: found)
            pieces.append(piece)
            return piece
        }
        let read = piece ?? readPiece(from: start, atLeast: end - start)
        if piece == nil {
            pieces.withLock { pieces in
                if pieces.count == Self.keptPieces { pieces.removeFirst() }
                pieces.append(read)
            }
        }
        let summary = read.bytes.withUnsafeBytes { bytes in
            DocumentSummary(
                record: UnsafeRawBufferPointer(rebasing: bytes[(start - read.start)..<(end - read.start)]),
                nameLists: nameLists)
        }
        guard let summary else { fatalError("themescan: the run's list of documents was damaged on disk") }
        return summary
    }

    /// Reads the file from `start`, a piece of `pieceBytes` or of `count` bytes if more, up to the last record's end.
    private func readPiece(from start: Int, atLeast count: Int) -> Piece {
        let length = min(max(Self.pieceBytes, count), offsets[offsets.count - 1] - start)
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            initialized = 0
            while initialized < length {
                let got = pread(descriptor, buffer.baseAddress! + initialized, length - initialized, off_t(start + initialized))
                if got > 0 {
                    initialized += got
                } else if got < 0, errno == EINTR {
                    continue
                } else {
                    failure = got == 0 ? EIO : errno
                    return
                }
            }
        }
        guard failure == 0 else {
            fatalError("themescan: cannot read back the run's list of documents: \(String(cString: strerror(failure)))")
        }
        return Piece(start: start, bytes: bytes)
    }
}
