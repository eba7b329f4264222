/// Why results could not be written; earlier results stay as they were.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    case foreignFiles(directory: String, names: [String])
    case notADirectory(String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .foreignFiles(let directory, let names):
            let shown = names.prefix(3).joined(separator: ", ") + (names.count > 3 ? ", …" : "")
            return "\(directory): error: output folder holds files themescan did not write (\(shown)); choose another --out, empty it, or give --force to write beside them"
        case .notADirectory(let path):
            return "\(path): error: output path exists and is not a folder"
        case .writeFailed(let path, let reason):
            return "\(path): error: cannot write results: \(reason); earlier results are untouched"
        }
    }
}
