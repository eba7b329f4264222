import Foundation

/// The bytes of a text file as UTF-8 with LF line ends, a block at a time, for both passes over a streamed export.
///
/// A UTF-8 byte order mark is dropped; a file in another charset is converted as it is read (`CharsetStream`); a
/// UTF-8 character cut by a block's end is finished by the next block. Validating (the check pass), invalid bytes,
/// NUL bytes in UTF-8 and a byte order mark the whole-file reader would judge end the reading with a failure.
struct NormalizedBlockReader {
    /// Why a file cannot be read on.
    enum Failure: Error, Equatable {
        /// Another encoding's byte order mark, or any when a charset is given: the whole-file reader decides.
        case byteOrderMark
        /// Bytes invalid in the encoding, or NUL bytes in UTF-8 or in a charset that refuses them (validating only).
        case invalidBytes
        case unreadable(reason: String)
    }

    private static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private let file: RegularFile
    private let converter: CharsetStream?
    /// Whether a NUL byte in the file fails validating in a charset too, as it does in UTF-8: a detected charset
    /// refuses them, since the whole-file reader would judge such a file otherwise; a given one does not.
    private let refusesNUL: Bool
    private let blockBytes: Int
    private var firstBlockBytes: Int
    private var normalizer = LineEndNormalizer()
    private var block: [UInt8]
    /// How many bytes at the start of `block` are a character cut by the last block's end.
    private var carried = 0
    private var atStart = true

    /// A reader of the file at `path` in `charset` (UTF-8 when nil), the first block `firstBlockBytes` long and
    /// the others `blockBytes`; nil when the file cannot be opened or ICU knows no such charset.
    init?(path: String, charset: String?, refusesNUL: Bool = false, blockBytes: Int, firstBlockBytes: Int) {
        guard let file = try? RegularFile(path: path) else { return nil }
        self.refusesNUL = refusesNUL
        if let charset {
            guard let converter = CharsetStream(name: charset) else { return nil }
            self.converter = converter
        } else {
            converter = nil
        }
        self.file = file
        self.blockBytes = max(blockBytes, 1)
        self.firstBlockBytes = max(firstBlockBytes, 4)
        // Room for the largest block and for a cut character carried before it.
        block = [UInt8](repeating: 0, count: max(self.blockBytes, self.firstBlockBytes) + 4)
    }

    /// Reads the next block and hands it to `body` as UTF-8 with LF line ends (perhaps empty); false when that was
    /// the last one, read at the end of the file.
    mutating func next(validating: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) throws(Failure) -> Bool {
        let wanted = atStart ? firstBlockBytes : blockBytes
        var count = carried
        do {
            // A short read before the end is read on, so the first block holds the whole of a byte order mark.
            while count < carried + wanted {
                let got = try file.read(into: &block, at: count, upTo: carried + wanted - count)
                if got == 0 { break }
                count += got
                if !atStart { break }
            }
        } catch {
            throw .unreadable(reason: error.reason)
        }
        let atEnd = count == carried
        var start = 0
        if atStart {
            atStart = false
            let head = Array(block.prefix(min(count, 4)))
            if converter == nil, head.starts(with: Self.utf8ByteOrderMark) {
                start = 3
            } else if TextDecoder.byteOrderMark(of: head) != nil {
                throw .byteOrderMark
            }
        }
        // The normalizer is taken out while the block's memory is lent, and put back after.
        var normalizer = self.normalizer
        defer { self.normalizer = normalizer }
        if let converter {
            if validating, refusesNUL, count > start, block[start..<count].contains(0) { throw .invalidBytes }
            var converted: [UInt8]
            do {
                converted = try block.withUnsafeBufferPointer { buffer throws(TextError) in
                    try converter.convert(UnsafeBufferPointer(rebasing: buffer[start..<count]), last: atEnd)
                }
            } catch {
                throw .invalidBytes
            }
            if validating, converter.invalidCount > 0 { throw .invalidBytes }
            converted.withUnsafeMutableBufferPointer { Self.hand($0, normalizer: &normalizer, to: body) }
            return !atEnd
        }
        // A character cut by the end of the block is finished by the next one; at the end, nothing is left to
        // finish it, and validating fails.
        let end = atEnd ? count : Self.endOfWholeCharacters(in: block, count: count)
        if validating {
            let valid = block.withUnsafeBufferPointer { buffer -> Bool in
                let piece = UnsafeBufferPointer(rebasing: buffer[start..<end])
                guard let base = piece.baseAddress, !piece.isEmpty else { return true }
                return memchr(base, 0, piece.count) == nil && String(validating: piece, as: UTF8.self) != nil
            }
            guard valid else { throw .invalidBytes }
        }
        block.withUnsafeMutableBufferPointer {
            Self.hand(UnsafeMutableBufferPointer(rebasing: $0[start..<end]), normalizer: &normalizer, to: body)
        }
        block.replaceSubrange(0..<(count - end), with: block[end..<count])
        carried = count - end
        return !atEnd
    }

    /// Makes the line ends of `piece` LF in place and hands the result to `body`.
    private static func hand(
        _ piece: UnsafeMutableBufferPointer<UInt8>, normalizer: inout LineEndNormalizer,
        to body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let length = piece.baseAddress.map { normalizer.normalize(UnsafeBufferPointer(piece), into: $0) } ?? 0
        body(UnsafeBufferPointer(rebasing: piece[..<length]))
    }

    /// Where the last character wholly inside `block[..<count]` ends: before a lead byte whose sequence runs past
    /// the end, else at the end.
    private static func endOfWholeCharacters(in block: [UInt8], count: Int) -> Int {
        var index = count - 1
        while index >= 0, index > count - 4, block[index] & 0xC0 == 0x80 { index -= 1 }
        guard index >= 0 else { return count }
        let lead = block[index]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return index + length > count ? index : count
    }
}
