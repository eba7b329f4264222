import Foundation
import Testing

/// The hostile suites' memory bounds rest on reading a process's peak from /proc.
@Suite struct ChildRunTests {
    @Test func peakMemoryIsReadFromProc() throws {
        // This test process has loaded the test bundle, so its peak is well above a megabyte.
        let own = try #require(ChildRun.Child.highWaterKiB(of: getpid()))
        #expect(own > 1024)
    }

    @Test func aChildsPeakIsItsOwnNotTheRunners() throws {
        // A short run (the shell waits first, so the peak is read while it lives) peaks far below the test runner,
        // whose high-water mark `ru_maxrss` would carry across posix_spawn's exec.
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ChildRun.start(["--version"], in: folder, shell: "sleep 0.3").wait(timeout: 30)
        let runner = try #require(ChildRun.Child.highWaterKiB(of: getpid()))
        #expect(outcome.status == 0)
        #expect(outcome.peakKiB < runner)
    }
}
