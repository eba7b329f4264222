/// A zip archive could not be built (`ZipEntrySink`); no fault of the data, which any bytes may be.
public enum ZipWriteError: Error, CustomStringConvertible, Equatable {
    /// zlib failed while compressing an entry; `code` is zlib's (-4: out of memory).
    case compressionFailed(entry: String, code: Int32)

    public var description: String {
        switch self {
        case .compressionFailed(let entry, let code):
            return "cannot compress zip entry \(entry) (zlib error \(code)\(code == -4 ? ": out of memory" : ""))"
        }
    }
}
