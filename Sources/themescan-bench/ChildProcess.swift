import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion and reports its wall time and peak resident memory.
///
/// The peak is the child's `VmHWM`, read from `/proc` every 5 ms while it runs. `wait4`'s `ru_maxrss` would not
/// do: `posix_spawn` starts the child on this process's memory, and Linux carries that memory's high-water mark
/// across `exec`, so the figure could never be below the bench's own peak (the corpus generator's, for one).
struct ChildProcess {
    struct Outcome {
        var seconds: Double
        var peakResidentBytes: Int
        var status: Int32
    }

    /// Runs `arguments[0]` with the rest as its arguments; standard output and error go to `logPath`.
    static func run(_ arguments: [String], logPath: String = "/dev/null") -> Outcome {
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&fileActions, 1, 2)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, arguments[0], &fileActions, nil, argv, environ)
        guard spawned == 0 else { return Outcome(seconds: 0, peakResidentBytes: 0, status: -1) }
        var status: Int32 = 0
        var usage = rusage()
        var peakKiB = 0
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid || (reaped == -1 && errno != EINTR) { break }
            peakKiB = max(peakKiB, highWaterKiB(of: pid) ?? 0)
            usleep(5_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Outcome(seconds: seconds, peakResidentBytes: peakKiB * 1024, status: (status >> 8) & 0xFF)
    }

    /// The child's peak resident set so far, in KiB (`VmHWM` of `/proc/PID/status`).
    static func highWaterKiB(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        // The line is "VmHWM:", a tab, padding spaces, the figure and "kB".
        return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
}
