/// One line of a line-oriented dictionary file, with its indentation measured.
struct DictionaryLine {
    /// 1-based line number.
    var number: Int
    /// The line without its indentation and trailing whitespace.
    var content: Substring
    /// Indentation width: a tab counts four, a space one.
    var indent: Int
    /// 1-based column (in scalars) where the content starts.
    var column: Int

    /// The lines of a text; `\r\n` and `\r` end lines too.
    static func lines(of text: String) -> [DictionaryLine] {
        var lines: [DictionaryLine] = []
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for (offset, raw) in normalized.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var indent = 0
            var column = 1
            var start = raw.startIndex
            while start < raw.endIndex, raw[start] == " " || raw[start] == "\t" {
                indent += raw[start] == "\t" ? 4 : 1
                column += 1
                start = raw.index(after: start)
            }
            var end = raw.endIndex
            while end > start, let last = raw[..<end].last, last.isWhitespace { end = raw.index(before: end) }
            lines.append(DictionaryLine(number: offset + 1, content: raw[start..<end], indent: indent, column: column))
        }
        return lines
    }
}
