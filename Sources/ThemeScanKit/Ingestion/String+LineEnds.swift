import Foundation

extension String {
    /// The string with CRLF and lone CR line ends as LF, so that every reader and every offset sees one kind.
    ///
    /// Worked on the UTF-8 bytes: a CR byte is never part of a longer sequence, so dropping or replacing it keeps
    /// the text valid. A survey export saved with CRLF line ends (as spreadsheet programs save them) went through
    /// here a scalar at a time, 5% of its run.
    func replacingLineEnds() -> String {
        var copy = self
        return copy.withUTF8 { buffer in
            // `memchr` over the contiguous UTF-8: this runs over every character of every file.
            guard let base = buffer.baseAddress, let first = memchr(base, 0x0D, buffer.count) else { return nil }
            let firstCR = base.distance(to: first.assumingMemoryBound(to: UInt8.self))
            return String(unsafeUninitializedCapacity: buffer.count) { output in
                var written = 0
                var index = 0
                // The part before the first CR in one copy.
                if firstCR > 0 {
                    output.baseAddress!.initialize(from: base, count: firstCR)
                    written = firstCR
                    index = firstCR
                }
                while index < buffer.count {
                    let byte = buffer[index]
                    index += 1
                    if byte == 0x0D {
                        output[written] = 0x0A
                        if index < buffer.count, buffer[index] == 0x0A { index += 1 }
                    } else {
                        output[written] = byte
                    }
                    written += 1
                }
                return written
            }
        } ?? self
    }
}
