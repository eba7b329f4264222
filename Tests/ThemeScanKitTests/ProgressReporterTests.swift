import Foundation
import Testing
import ThemeScanKit

@testable import themescan

/// A clock the test sets and a record of everything written, standing in for the monotonic clock and stderr.
private final class FakeTerminal: Sendable {
    private let time = LockedValue(0.0)
    private let output = LockedValue<[String]>([])

    func set(_ seconds: Double) { time.withLock { $0 = seconds } }
    var now: Double { time.withLock { $0 } }
    var writes: [String] { output.withLock { $0 } }
    func record(_ text: String) { output.withLock { $0.append(text) } }

    func reporter(totalFiles: Int = 4, totalBytes: Int = 4000, quiet: Bool = false, isTerminal: Bool) -> ProgressReporter {
        ProgressReporter(
            totalFiles: totalFiles, totalBytes: totalBytes, quiet: quiet, isTerminal: isTerminal,
            secondsSinceStart: { self.now }, write: { self.record($0) })
    }
}

@Suite struct ProgressReporterTests {
    @Test func terminalBarIsRedrawnInPlaceAtMostTenTimesASecond() {
        let terminal = FakeTerminal()
        let reporter = terminal.reporter(isTerminal: true)
        for time in [0.0, 0.05, 0.09, 0.2, 0.25] {
            terminal.set(time)
            reporter.advance(files: 0, bytes: 100)
        }
        // Drawn at once, then again only after a tenth of a second.
        #expect(terminal.writes.count == 2)
        #expect(terminal.writes.allSatisfy { $0.hasPrefix("\r[") && $0.hasSuffix("\u{1B}[K") && !$0.contains("\n") })
        #expect(terminal.writes[1].contains("0.4/4.0 kB"))
        reporter.finish()
        #expect(terminal.writes.last == "\r\u{1B}[K")
        // Nothing after the end.
        terminal.set(5)
        reporter.advance(files: 1, bytes: 10)
        reporter.finish()
        #expect(terminal.writes.count == 3)
    }

    /// Workers advance the reporter at once: every file and byte is counted (and the thread sanitizer, which runs
    /// this suite, sees the lock they contend for).
    @Test func workersAdvancingAtOnceAreAllCounted() {
        let terminal = FakeTerminal()
        let reporter = terminal.reporter(totalFiles: 8_000, totalBytes: 800_000, isTerminal: false)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1_000 { reporter.advance(files: 1, bytes: 100) }
        }
        reporter.finish()
        #expect(terminal.writes.last == "progress: 8000/8000 files, 800.0/800.0 kB (100%), done\n", "\(terminal.writes)")
    }

    @Test func messagesGoAboveTheBar() {
        let terminal = FakeTerminal()
        let reporter = terminal.reporter(isTerminal: true)
        reporter.advance(files: 1, bytes: 1000)
        reporter.printLine("a.txt: warning: something")
        #expect(terminal.writes.count == 3)
        #expect(terminal.writes[1] == "\r\u{1B}[Ka.txt: warning: something\n")
        #expect(terminal.writes[2] == terminal.writes[0])
        reporter.finish()
        reporter.printLine("summary")
        #expect(terminal.writes.suffix(2) == ["\r\u{1B}[K", "summary\n"])
    }

    @Test func logGetsAPlainLineEveryTenSecondsAndOneAtTheEnd() {
        let terminal = FakeTerminal()
        let reporter = terminal.reporter(isTerminal: false)
        for time in [0.0, 1, 5, 9.9, 10, 12, 19.9, 20.5, 21] {
            terminal.set(time)
            reporter.advance(files: 0, bytes: 100)
        }
        #expect(terminal.writes.count == 2)
        #expect(terminal.writes[0] == "progress: 0/4 files, 0.5/4.0 kB (12%), 50 B/s, about 1 min 10 s left\n")
        #expect(terminal.writes.allSatisfy { !$0.contains("\r") && !$0.contains("\u{1B}") })
        terminal.set(30)
        reporter.advance(files: 4, bytes: 3100)
        reporter.finish()
        #expect(terminal.writes.count == 3)
        #expect(terminal.writes.last == "progress: 4/4 files, 4.0/4.0 kB (100%), 133 B/s, done\n")
    }

    @Test(arguments: [true, false])
    func quietWritesNothing(isTerminal: Bool) {
        let terminal = FakeTerminal()
        let reporter = terminal.reporter(quiet: true, isTerminal: isTerminal)
        for time in [0.0, 11, 22] {
            terminal.set(time)
            reporter.advance(files: 1, bytes: 1000)
        }
        reporter.finish()
        #expect(terminal.writes.isEmpty)
    }
}
