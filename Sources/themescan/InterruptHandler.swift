import Dispatch
import Foundation
import ThemeScanKit

/// Removes a run's half-written staging folder when the run is stopped with Ctrl-C (SIGINT) or SIGTERM, so an
/// interrupted run leaves the earlier results as they were and no partial files; exits with 130 or 143.
///
/// The signals are caught on a dispatch queue rather than in a C signal handler, where removing files is not allowed.
/// The swap of the results into place and the clean-up after a signal exclude each other, so a signal during the swap
/// waits for it to end and then says that the results were written.
final class InterruptHandler {
    /// Where the run is with its output folder.
    private enum Phase: Sendable {
        case idle
        case writing(OutputStaging)
        case committed(output: String)
    }

    /// Shared by the main thread, the signal queue and the exit hook. It is static because `atexit` takes a C
    /// function, which cannot capture an instance.
    private static let phase = LockedValue<Phase>(.idle)

    private let sources: [any DispatchSourceSignal]

    init() {
        // With a file size limit (`ulimit -f`), a write past it raises SIGXFSZ, which would kill the run without a
        // word; ignored, the write fails with EFBIG and is reported like a full disk.
        signal(SIGXFSZ, SIG_IGN)
        // Likewise a message written to a closed pipe (`2>&1 | head`) fails with EPIPE instead of killing the run.
        signal(SIGPIPE, SIG_IGN)
        // A write that fails because the staging folder was just removed makes the main thread report an error and
        // exit; it must not exit (with status 1) before the signal queue has finished and exited with 130 or 143.
        atexit { InterruptHandler.phase.withLock { _ in } }
        var sources: [any DispatchSourceSignal] = []
        let queue = DispatchQueue(label: "themescan.signals")
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { Self.stop(status: status) }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Cleans up and ends the process, holding the lock so that no swap can start and no other exit can run.
    private static func stop(status: Int32) {
        phase.withLock { phase in
            let message: String
            switch phase {
            case .writing(let staging):
                staging.abandon()
                message = "interrupted; nothing written, earlier results kept"
            case .committed(let output):
                message = "interrupted after the results were written to \(output)"
            case .idle:
                message = "interrupted; nothing written, earlier results kept"
            }
            try? FileHandle.standardError.write(contentsOf: Data("\nthemescan: \(message)\n".utf8))
            // Not exit(): other threads are still running, and the atexit hook waits for this lock.
            _exit(status)
        }
    }

    /// Removes this folder if the run is interrupted before `release`.
    func guardStaging(_ staging: OutputStaging) {
        Self.phase.withLock { $0 = .writing(staging) }
    }

    /// Swaps the staged results into place; a signal meanwhile waits until the swap is over.
    func commit(_ staging: OutputStaging) throws(OutputError) {
        try Self.phase.withLock { phase throws(OutputError) in
            try staging.commit()
            phase = .committed(output: staging.displayPath)
        }
    }

    /// The run is done with its staging folder (committed or discarded).
    func release() {
        Self.phase.withLock { phase in
            if case .writing = phase { phase = .idle }
        }
    }
}
