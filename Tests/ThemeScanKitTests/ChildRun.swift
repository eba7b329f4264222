import Foundation
import Testing

/// Runs the built `themescan` binary as a child process with a hang bound, and measures it.
///
/// `Process` reaps its child itself and cannot be given a hang bound; the child is started with `posix_spawn`,
/// watched for its peak resident set size while it runs, and reaped with `wait4`. Signal dispositions and the signal mask
/// are reset in the child, so it starts as it would from a shell: a signal it ignores, it ignores by its own choice.
struct ChildRun {
    /// How a finished child ended, what it printed and how much memory it took at most.
    struct Outcome: CustomStringConvertible {
        /// The exit status, when the child exited.
        var status: Int32?
        /// The signal that ended the child, when one did.
        var signal: Int32?
        /// Whether the watchdog had to kill the child: the hang bound was passed.
        var timedOut: Bool
        var standardOutput: String
        var standardError: String
        /// Peak resident set size of the child in KiB (`ru_maxrss`).
        var peakKiB: Int

        var lines: [String] { standardError.split(separator: "\n").map(String.init) }

        var description: String {
            "status \(status.map(String.init) ?? "-"), signal \(signal.map(String.init) ?? "-"), timed out \(timedOut), "
                + "peak \(peakKiB) KiB, stderr:\n\(standardError)"
        }
    }

    /// A started child, to be signalled and waited for.
    final class Child {
        let pid: pid_t
        fileprivate let scratch: URL
        fileprivate let started = DispatchTime.now()

        fileprivate init(pid: pid_t, scratch: URL) {
            self.pid = pid
            self.scratch = scratch
        }

        func send(_ signal: Int32) {
            kill(pid, signal)
        }

        /// Whether the child has not been reaped yet (it may be a zombie).
        var isRunning: Bool { kill(pid, 0) == 0 }

        /// Waits for the child; after `timeout` seconds (times `ChildRun.slowdown`) it is killed and the outcome
        /// says so.
        func wait(timeout: Double) -> Outcome {
            var status: Int32 = 0
            var usage = rusage()
            var timedOut = false
            var highWaterKiB: Int?
            let deadline = started.uptimeNanoseconds + UInt64(timeout * ChildRun.slowdown * 1e9)
            while true {
                if let reading = Self.highWaterKiB(of: pid) { highWaterKiB = max(highWaterKiB ?? 0, reading) }
                let reaped = wait4(pid, &status, WNOHANG, &usage)
                if reaped == pid { break }
                if reaped < 0 && errno != EINTR { break }
                if DispatchTime.now().uptimeNanoseconds > deadline, !timedOut {
                    timedOut = true
                    kill(pid, SIGKILL)
                }
                usleep(5_000)
            }
            defer { try? FileManager.default.removeItem(at: scratch) }
            // WIFEXITED / WTERMSIG are C macros Swift does not import.
            let signal = status & 0x7F
            return Outcome(
                status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
                timedOut: timedOut,
                standardOutput: String(decoding: (try? Data(contentsOf: scratch.appendingPathComponent("stdout"))) ?? Data(), as: UTF8.self),
                standardError: String(decoding: (try? Data(contentsOf: scratch.appendingPathComponent("stderr"))) ?? Data(), as: UTF8.self),
                peakKiB: highWaterKiB ?? usage.ru_maxrss)
        }

        /// The child's peak resident set so far (`VmHWM`), read while it runs.
        ///
        /// `wait4`'s `ru_maxrss` cannot be used alone: `posix_spawn` starts the child on the parent's memory
        /// (`CLONE_VM`), and Linux carries that memory's high-water mark across `exec`, so the figure is never below
        /// the test runner's own peak. `VmHWM` belongs to the binary's memory only; read every 5 ms, it can miss at
        /// most growth in the child's last 5 ms, when it is writing its last files and exiting.
        static func highWaterKiB(of pid: pid_t) -> Int? {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
            else { return nil }
            // The line is "VmHWM:", a tab, padding spaces, the figure and "kB".
        return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        }
    }

    /// How much longer runs take under a sanitizer (`THEMESCAN_SANITIZER`, set by `Tests/sanitize.sh`): the hang
    /// bounds are multiplied by it.
    static let slowdown: Double = sanitizer == nil ? 1 : 10

    /// Whether peak memory is asserted: not under a sanitizer, whose shadow memory and quarantine would be
    /// measured instead of ThemeScan's.
    static let measuresMemory = sanitizer == nil

    static let sanitizer = ProcessInfo.processInfo.environment["THEMESCAN_SANITIZER"].flatMap { $0.isEmpty ? nil : $0 }

    /// Starts `themescan` with `arguments` in `folder`; with a `shell` prefix such as `ulimit -f 64`, that runs
    /// first, so a limit applies to the binary itself.
    ///
    /// The child is `/bin/sh -c 'cd FOLDER; PREFIX; exec themescan "$@"'`: Swift's Glibc module does not expose
    /// `posix_spawn_file_actions_addchdir_np`, and `exec` makes the shell's process the binary's, so the process
    /// signalled and measured is themescan itself.
    static func start(_ arguments: [String], in folder: URL, shell: String? = nil) throws -> Child {
        let binary = try EndToEndTests.binary().path
        let script = "cd \"$1\" || exit 127; shift; \(shell ?? ":"); exec \"$0\" \"$@\""
        let argv = ["/bin/sh", "-c", script, binary, folder.path] + arguments
        let scratch = try TestSupport.temporaryFolder()

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(
            &actions, 1, scratch.appendingPathComponent("stdout").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(
            &actions, 2, scratch.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, &attributes, cArguments, environ)
        guard result == 0 else {
            try? FileManager.default.removeItem(at: scratch)
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO)
        }
        return Child(pid: pid, scratch: scratch)
    }

    /// Runs `themescan` to the end, killing it after `timeout` seconds (the hang bound).
    static func run(_ arguments: [String], in folder: URL, shell: String? = nil, timeout: Double = 60) throws -> Outcome {
        try start(arguments, in: folder, shell: shell).wait(timeout: timeout)
    }

    /// Every file under `folder` (hidden ones included) by relative path, with its bytes; folders map to nil.
    /// Two equal snapshots mean nothing was added, removed or changed.
    static func snapshot(_ folder: URL) throws -> [String: [UInt8]?] {
        var files: [String: [UInt8]?] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: folder.path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                files[relative] = []
                continue
            }
            files[relative] = isDirectory.boolValue ? .some(nil) : [UInt8](try Data(contentsOf: url))
        }
        return files
    }

    /// Names in `folder` left by a run's staging (`.NAME.themescan-new-…` or `-old-…`).
    static func stagingLeftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".themescan-") }
    }
}
