import Dispatch
import Foundation
import Synchronization
import ThemeScanKit

/// Removes a run's half-written staging folder when the run is stopped with Ctrl-C (SIGINT) or SIGTERM, so an
/// interrupted run leaves the earlier results as they were and no partial files.
///
/// The signals are caught on a dispatch queue rather than in a C signal handler, where removing files is not allowed.
final class InterruptHandler {
    /// The staging folder to remove, shared with the signal queue.
    private final class Target: Sendable {
        let path = Mutex<String?>(nil)
    }

    private let target = Target()
    private let sources: [any DispatchSourceSignal]

    init() {
        var sources: [any DispatchSourceSignal] = []
        let queue = DispatchQueue(label: "themescan.signals")
        let target = self.target
        for (number, status) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if let path = target.path.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) }
                FileHandle.standardError.write(Data("\nthemescan: interrupted; nothing written, earlier results kept\n".utf8))
                exit(status)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Removes this folder if the run is interrupted before `release`.
    func guardStaging(_ staging: OutputStaging) {
        target.path.withLock { $0 = staging.folder }
    }

    /// The run is done with its staging folder (committed or discarded).
    func release() {
        target.path.withLock { $0 = nil }
    }
}
