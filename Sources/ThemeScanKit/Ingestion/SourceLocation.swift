/// A place in an input file: a line and column, or a byte offset, both optional.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// 1-based line.
    public var line: Int?
    /// 1-based column, counted in Unicode scalars.
    public var column: Int?
    /// 0-based byte offset, for problems found before the bytes became text.
    public var byteOffset: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    /// `path`, `path:line` or `path:line:col`, the form editors and compilers use.
    public var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
