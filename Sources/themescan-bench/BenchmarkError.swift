/// Why a benchmark could not be run.
enum BenchmarkError: Error, CustomStringConvertible {
    case missingBinary(String)
    case runFailed(command: String, status: Int32, log: String)
    case baselineFailed(String)
    case tooFewAbsentTerms(Int)

    var description: String {
        switch self {
        case .missingBinary(let path):
            return "\(path) not found; build it first with `swift build -c release`"
        case .runFailed(let command, let status, let log):
            return "`\(command)` exited with status \(status); see \(log)"
        case .baselineFailed(let output):
            return "the jieba baseline failed: \(output.suffix(500))"
        case .tooFewAbsentTerms(let count):
            return "could not draw \(count) generated terms absent from the sample; try a smaller --synthetic-terms"
        }
    }
}
