extension String {
    /// The string without leading and trailing whitespace and line breaks.
    ///
    /// Trimmed by scalars, not characters: a combining mark after a leading space stays. A string with nothing to
    /// trim, as most survey answers and cells are, is returned as it is, and a trimmed one is copied as UTF-8.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        let end = scalars.index(after: last)
        if first == scalars.startIndex && end == scalars.endIndex { return self }
        return String(Substring(scalars[first..<end]))
    }
}
