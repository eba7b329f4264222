import Foundation

extension String {
    /// The string with CRLF and lone CR line ends as LF, so that every reader and every offset sees one kind.
    ///
    /// Worked on the UTF-8 bytes (`LineEndNormalizer`). A survey export saved with CRLF line ends (as spreadsheet
    /// programs save them) went through here a scalar at a time, 5% of its run.
    func replacingLineEnds() -> String {
        var copy = self
        return copy.withUTF8 { buffer in
            guard let base = buffer.baseAddress, memchr(base, 0x0D, buffer.count) != nil else { return nil }
            return String(unsafeUninitializedCapacity: buffer.count) { output in
                var normalizer = LineEndNormalizer()
                return normalizer.normalize(buffer, into: output.baseAddress!)
            }
        } ?? self
    }
}
