import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program to completion and reports its wall time and peak resident memory.
///
/// Foundation's `Process` does not report the child's resource usage, so the child is started with
/// `posix_spawn` and reaped with `wait4`, which returns it.
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
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        // ru_maxrss is in kilobytes on Linux.
        return Outcome(seconds: seconds, peakResidentBytes: usage.ru_maxrss * 1024, status: (status >> 8) & 0xFF)
    }
}
