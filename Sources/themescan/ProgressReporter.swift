import Foundation
import ThemeScanKit

/// Shows how far a run has got on standard error: a bar redrawn in place when it is a terminal, a plain line now and
/// then when it is a log or a pipe, nothing when quiet.
///
/// Safe to advance from several tasks at once; writes are throttled so that showing progress costs nothing beside
/// the work itself.
final class ProgressReporter: Sendable {
    /// The shortest time between two redraws of the bar (about ten a second).
    static let terminalInterval = 0.1
    /// The shortest time between two plain lines in a log.
    static let logInterval = 10.0

    private struct State {
        var line: ProgressLine
        /// When the last output was written, in seconds since the start; nil before the first one.
        var lastWrite: Double?
        /// Whether the bar is on screen, so the next message must clear it first.
        var barShown = false
        var finished = false
    }

    private let quiet: Bool
    private let isTerminal: Bool
    private let secondsSinceStart: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    private let state: LockedValue<State>

    /// A reporter for `totalFiles` files of `totalBytes` bytes in all, writing to standard error.
    convenience init(totalFiles: Int, totalBytes: Int, quiet: Bool) {
        let start = ContinuousClock.now
        self.init(
            totalFiles: totalFiles, totalBytes: totalBytes, quiet: quiet, isTerminal: isatty(STDERR_FILENO) == 1,
            secondsSinceStart: { Self.seconds(ContinuousClock.now - start) },
            write: { text in try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) })
    }

    /// A reporter with its terminal check, clock and output given, so its throttling can be tested.
    init(
        totalFiles: Int, totalBytes: Int, quiet: Bool, isTerminal: Bool,
        secondsSinceStart: @escaping @Sendable () -> Double, write: @escaping @Sendable (String) -> Void
    ) {
        self.quiet = quiet
        self.isTerminal = isTerminal
        self.secondsSinceStart = secondsSinceStart
        self.write = write
        state = LockedValue(State(line: ProgressLine(totalFiles: totalFiles, totalBytes: totalBytes)))
    }

    /// Counts `files` more files and `bytes` more bytes as done, and shows it if it is time to.
    func advance(files: Int = 1, bytes: Int) {
        guard !quiet else { return }
        let now = secondsSinceStart()
        state.withLock { state in
            guard !state.finished else { return }
            state.line.filesDone += files
            state.line.bytesDone += bytes
            state.line.elapsedSeconds = now
            if isTerminal {
                // The bar is drawn at once the first time, so a slow first file does not leave the screen blank.
                if state.lastWrite.map({ now - $0 >= Self.terminalInterval }) ?? true {
                    drawBar(&state, at: now)
                }
            } else if now - (state.lastWrite ?? 0) >= Self.logInterval {
                write(state.line.logLine + "\n")
                state.lastWrite = now
            }
        }
    }

    /// Prints `message` as a line of its own, above the bar when one is shown, and redraws the bar below it.
    func printLine(_ message: String) {
        state.withLock { state in
            guard isTerminal, state.barShown else {
                write(message + "\n")
                return
            }
            write(Self.clearLine + message + "\n")
            drawBar(&state, at: secondsSinceStart())
        }
    }

    /// Ends the display: clears the bar, so whatever is printed next starts on a clean line, or writes the last
    /// plain line to a log. Later calls do nothing.
    func finish() {
        guard !quiet else { return }
        let now = secondsSinceStart()
        state.withLock { state in
            guard !state.finished else { return }
            state.finished = true
            state.line.elapsedSeconds = now
            if isTerminal {
                if state.barShown { write(Self.clearLine) }
                state.barShown = false
            } else {
                write(state.line.logLine + "\n")
            }
        }
    }

    /// Back to the start of the line, and erase to its end.
    static let clearLine = "\r\u{1B}[K"

    private func drawBar(_ state: inout State, at now: Double) {
        // Clearing after the text, not before, keeps the bar from flickering.
        write("\r" + state.line.terminalLine + "\u{1B}[K")
        state.barShown = true
        state.lastWrite = now
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
