import Foundation

/// Rewrites CRLF and lone CR line ends as LF in UTF-8 handed over in pieces, keeping its place between pieces.
///
/// Works on the bytes: a CR byte is never part of a longer UTF-8 sequence, so dropping or replacing it keeps the
/// text valid. A CR that ends one piece and the LF that starts the next are one line end.
struct LineEndNormalizer {
    private var afterCarriageReturn = false

    /// Writes `input` with LF line ends to `output`, which has room for `input.count` bytes and may be `input`'s own
    /// memory; returns how many bytes were written.
    mutating func normalize(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) -> Int {
        guard let base = input.baseAddress, !input.isEmpty else { return 0 }
        var index = 0
        if afterCarriageReturn, input[0] == 0x0A { index = 1 }
        afterCarriageReturn = false
        var written = 0
        while index < input.count {
            // `memchr` to the next CR: this runs over every character of every file, and most lines end in LF.
            let rest = input.count - index
            let found = memchr(base + index, 0x0D, rest)
            let run = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) - index } ?? rest
            if run > 0 {
                // `memmove`: written in place, the run moves back over the line ends already shortened.
                if output + written != base + index { memmove(output + written, base + index, run) }
                written += run
                index += run
            }
            guard index < input.count else { break }
            // A CR: written as LF, and an LF right after it dropped.
            output[written] = 0x0A
            written += 1
            index += 1
            if index == input.count {
                afterCarriageReturn = true
            } else if input[index] == 0x0A {
                index += 1
            }
        }
        return written
    }
}
