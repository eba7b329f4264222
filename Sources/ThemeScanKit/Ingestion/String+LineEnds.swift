import Foundation

extension String {
    /// The string with CRLF and lone CR line ends as LF, so that every reader and every offset sees one kind.
    func replacingLineEnds() -> String {
        // `memchr` over the contiguous UTF-8 of a native string: this runs over every character of every file.
        let hasCR = utf8.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
        guard hasCR ?? utf8.contains(0x0D) else { return self }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
            previousWasCR = false
        }
        return String(scalars)
    }
}
