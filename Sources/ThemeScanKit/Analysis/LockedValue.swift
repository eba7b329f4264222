import Foundation

/// A value shared between threads, changed only while its lock is held.
///
/// A pthread mutex (`NSLock`) rather than the standard library's `Mutex`: on Linux a contended `Mutex` is handed
/// over by the kernel (a futex), which the thread sanitizer cannot see, so it reported accesses inside the lock on
/// two threads as racing (the set-aside file's cached pieces, then the queue of a split input's parts). The command
/// line's progress and interrupt state use it too, for the same reason.
public final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    /// Read and written only inside `lock`.
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value with the lock held.
    public func withLock<Result, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
