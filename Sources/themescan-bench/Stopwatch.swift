import Foundation

/// Accumulates the time spent in named stages of work done in this process.
struct Stopwatch {
    private(set) var seconds: [String: Double] = [:]

    mutating func time<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { seconds[stage, default: 0] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        return try work()
    }

    /// Adds time measured some other way.
    mutating func add(_ stage: String, seconds extra: Double) {
        seconds[stage, default: 0] += extra
    }
}
