/// Why a benchmark could not be run.
enum BenchmarkError: Error, CustomStringConvertible {
    case missingBinary(String)
    case runFailed(command: String, status: Int32, log: String)
    case baselineFailed(String)

    var description: String {
        switch self {
        case .missingBinary(let path):
            return "\(path) not found; build it first with `swift build -c release`"
        case .runFailed(let command, let status, let log):
            return "`\(command)` exited with status \(status); see \(log)"
        case .baselineFailed(let output):
            return "the jieba baseline failed: \(output.suffix(500))"
        }
    }
}
