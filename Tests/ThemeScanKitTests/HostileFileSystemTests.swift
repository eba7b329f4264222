import Foundation
import Testing

@testable import ThemeScanKit

/// Hostile file systems and runs: a huge single line, inputs that vanish or change kind, link loops, pipes and
/// devices, output folders that cannot be written, full disks and signals while results are written.
///
/// Every run of the binary goes through `ChildRun` with a watchdog: a child still running after its hang bound is
/// killed and the test fails (a bound on hanging, never a speed claim). Peak memory is the child's `VmHWM` (see `ChildRun`).
@Suite struct HostileFileSystemTests {
    /// The hang bound of an ordinary run of the small sample (it takes about a second).
    static let hangBound = 60.0

    static func analyze(_ extra: [String], in folder: URL, shell: String? = nil) throws -> ChildRun.Outcome {
        try ChildRun.run(
            ["analyze", "sample", "--lexicon", "codebook.yaml", "--quiet"] + extra, in: folder, shell: shell,
            timeout: hangBound)
    }

    /// A workspace with an earlier run's results in `out`, and a snapshot of them.
    static func workspaceWithEarlierResults() throws -> (folder: URL, earlier: [String: [UInt8]?]) {
        let folder = try EndToEndTests.workspace()
        let first = try analyze(["--out", "out"], in: folder)
        #expect(first.status == 0, "\(first)")
        let earlier = try ChildRun.snapshot(folder.appendingPathComponent("out"))
        #expect(earlier["codes.csv"] != nil)
        return (folder, earlier)
    }

    /// Runs a system tool such as `chattr` or `mount`, quietly; returns its exit status.
    @discardableResult
    static func system(_ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    // MARK: - Text

    /// One unit of the long line: interview-like Chinese and English with no line break and no speaker label, holding
    /// one depression term (抑郁) and two bullying terms (欺凌, bullied); nothing else in it is in the codebook.
    static let longLineUnit =
        "我们主要在社区开展活动，服务对象是小学生和他们的父母，每个学期有四十个左右的家长报名参加。"
        + "We mainly work in the community with primary school pupils and their parents; about forty parents joined "
        + "in the spring term. 老师说有个孩子有抑郁情绪，也被同学欺凌。The boy was bullied at school. "

    /// Proves that one huge line (one segment) is analyzed with the right counts, ends (no quadratic behaviour: over
    /// 16 million characters that would take hours, far past the hang bound) and stays within a memory bound linear
    /// in the file size: peak RSS ≤ 64 MiB + 10 × the file size.
    ///
    /// The issue asks for 200 MB. A debug build analyzes about 0.6 MiB of such text per second of CPU: 16 MiB takes
    /// some 40 s, and 200 MiB took 338 s of CPU (9 minutes on a shared machine) with a peak RSS of 1.12 GiB, within
    /// the same bound. The default is 16 MiB, which is enough to expose quadratic work or memory that grows faster
    /// than the text; `THEMESCAN_LONG_LINE_MIB=200 swift test --filter HostileFileSystemTests/aHugeSingleLine` runs
    /// the full size (the hang bound grows with it, 12 s per MiB).
    @Test func aHugeSingleLineIsCountedInBoundedTimeAndMemory() throws {
        let mebibytes = ProcessInfo.processInfo.environment["THEMESCAN_LONG_LINE_MIB"].flatMap(Int.init) ?? 16
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unit = Array(Self.longLineUnit.utf8)
        let units = (mebibytes << 20) / unit.count
        let path = folder.appendingPathComponent("long.txt")
        #expect(FileManager.default.createFile(atPath: path.path, contents: nil))
        let handle = try FileHandle(forWritingTo: path)
        // Written in 4 MiB pieces so the test itself does not hold the whole line.
        let piece = Data(Array([[UInt8]](repeating: unit, count: (4 << 20) / unit.count).joined()))
        let unitsPerPiece = (4 << 20) / unit.count
        for _ in 0..<(units / unitsPerPiece) { try handle.write(contentsOf: piece) }
        for _ in 0..<(units % unitsPerPiece) { try handle.write(contentsOf: unit) }
        try handle.close()
        let size = units * unit.count

        let run = try ChildRun.run(
            ["analyze", "long.txt", "--lexicon", "codebook.yaml", "--out", "out", "--quiet"], in: folder,
            timeout: max(180, 12 * Double(mebibytes)))
        #expect(!run.timedOut, "hang bound passed")
        #expect(run.status == 0, "\(run)")
        let boundKiB = 64 * 1024 + 10 * size / 1024
        if ChildRun.measuresMemory {
            #expect(run.peakKiB <= boundKiB, "peak RSS \(run.peakKiB) KiB over the bound \(boundKiB) KiB for \(size) bytes")
        }

        let codes = try EndToEndTests.read(folder.appendingPathComponent("out/codes.csv"))
        #expect(codes.contains("issues,depression,抑郁,\(units),1,1,"))
        #expect(codes.contains("issues,bullying,欺凌,\(2 * units),1,1,"))
        #expect(codes.contains("relationships,family,家庭,0,0,0,"))
        let documents = try EndToEndTests.read(folder.appendingPathComponent("out/documents.csv"))
        let characters = units * Self.longLineUnit.unicodeScalars.count
        #expect(documents.contains("long.txt,long.txt,long.txt,txt,UTF-8,\(characters),"), "\(documents.prefix(300))")
        let row = documents.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        #expect(row.hasSuffix(",1,"), "one segment: \(row)")
    }

    /// Proves that an input which vanishes, or becomes a folder, a named pipe or a device, between the walk of the
    /// inputs and its read is skipped with a located diagnostic, without blocking (hang bound 60 s), and that the
    /// other inputs are analyzed.
    @Test func inputsThatVanishOrChangeKindBeforeTheReadAreSkipped() async throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["a.txt", "gone.txt", "folder.txt", "pipe.txt", "zero.txt", "random.txt", "b.txt"]
        for name in names {
            try Data("孩子有抑郁情绪。\n".utf8).write(to: folder.appendingPathComponent(name))
        }
        // The walk is done: these are the sources the run will read. Now the files change under it.
        let sources = names.map { DocumentSource(path: folder.appendingPathComponent($0).path, id: $0) }
        let manager = FileManager.default
        func replace(_ name: String, with make: (String) throws -> Void) throws {
            let path = folder.appendingPathComponent(name).path
            try manager.removeItem(atPath: path)
            try make(path)
        }
        try replace("gone.txt") { _ in }
        try replace("folder.txt") { try manager.createDirectory(atPath: $0, withIntermediateDirectories: false) }
        try replace("pipe.txt") { #expect(mkfifo($0, 0o600) == 0) }
        try replace("zero.txt") { try manager.createSymbolicLink(atPath: $0, withDestinationPath: "/dev/zero") }
        try replace("random.txt") { try manager.createSymbolicLink(atPath: $0, withDestinationPath: "/dev/urandom") }

        let matcher = try TestSupport.matcher(codes: [(id: "depression", terms: ["抑郁"], exclude: [])])
        let pipe = folder.appendingPathComponent("pipe.txt").path
        let result: AnalysisResult? = try await withThrowingTaskGroup(of: AnalysisResult?.self) { group in
            group.addTask { try await CorpusAnalyzer(matcher: matcher, jobs: 2).analyze(sources) }
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                return nil
            }
            let first = try await group.next() ?? nil
            if first == nil {
                // The hang bound passed: a writer releases a read blocked on the pipe so the test can end.
                let writer = open(pipe, O_WRONLY | O_NONBLOCK)
                if writer >= 0 { close(writer) }
            }
            group.cancelAll()
            return first
        }
        let analysis = try #require(result, "reading the inputs did not end within 60 s")
        #expect(analysis.documents.map(\.id) == ["a.txt", "b.txt"])
        #expect(analysis.tally.codeOccurrences == [2])
        let messages = analysis.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
        #expect(messages == [
            "gone.txt: error: cannot read file: No such file or directory; skipped",
            "folder.txt: error: cannot read file: it is a folder, not a regular file; skipped",
            "pipe.txt: error: cannot read file: it is a named pipe, not a regular file; skipped",
            "zero.txt: error: cannot read file: it is a device, not a regular file; skipped",
            "random.txt: error: cannot read file: it is a device, not a regular file; skipped",
        ])
        #expect(analysis.skippedFiles.count == 5)
    }

    /// Proves that a manifest naming a file that does not exist gets a located error for that file, and the files
    /// that exist are analyzed (exit 0).
    @Test func aManifestNamingAMissingFileReadsTheRest() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = try EndToEndTests.read(folder.appendingPathComponent("manifest.csv"))
        var lines = manifest.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let columns = lines[0].split(separator: ",", omittingEmptySubsequences: false).count
        lines.insert("sample/vanished.txt" + String(repeating: ",", count: columns - 1), at: 1)
        try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("manifest.csv"))
        let run = try ChildRun.run(
            ["analyze", "--manifest", "manifest.csv", "--lexicon", "codebook.yaml", "--out", "out", "--quiet"],
            in: folder, timeout: Self.hangBound)
        #expect(run.status == 0, "\(run)")
        #expect(run.lines.contains("sample/vanished.txt: error: no such file or folder"), "\(run)")
        #expect(run.lines.contains { $0.hasPrefix("themescan: 3 document(s)") && $0.contains("1 error(s)") }, "\(run)")
    }

    // MARK: - File system

    /// Proves that link loops in an input folder end: two links naming each other get a located error each, links
    /// back to the folder itself or to its parent are walked once with a warning, and the real files are read once.
    @Test func linkLoopsInInputFoldersEndAndAreReported() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = folder.appendingPathComponent("sample")
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: sample.appendingPathComponent("a.txt").path, withDestinationPath: "b.txt")
        try manager.createSymbolicLink(atPath: sample.appendingPathComponent("b.txt").path, withDestinationPath: "a.txt")
        try manager.createSymbolicLink(atPath: sample.appendingPathComponent("itself").path, withDestinationPath: ".")
        let nested = sample.appendingPathComponent("nested")
        try manager.createDirectory(at: nested, withIntermediateDirectories: false)
        try Data("亲子关系\n".utf8).write(to: nested.appendingPathComponent("n.txt"))
        try manager.createSymbolicLink(atPath: nested.appendingPathComponent("up").path, withDestinationPath: "..")
        // A link out of the named folder, to the workspace that holds it (and the manifest, a readable table).
        try manager.createSymbolicLink(atPath: sample.appendingPathComponent("outside").path, withDestinationPath: "..")
        let run = try ChildRun.run(
            ["analyze", "sample", "sample/a.txt", "--lexicon", "codebook.yaml", "--out", "out", "--quiet"], in: folder,
            timeout: Self.hangBound)
        #expect(!run.timedOut)
        #expect(run.status == 0, "\(run)")
        let loop = "symbolic link loop (a link that leads back to itself)"
        #expect(run.lines.contains("sample/a.txt: error: \(loop); skipped"), "\(run)")
        #expect(run.lines.contains("sample/b.txt: error: \(loop); skipped"))
        #expect(run.lines.contains("sample/a.txt: error: \(loop)"), "named directly")
        let real = { (path: URL) in path.resolvingSymlinksInPath().path }
        #expect(run.lines.contains("sample/itself: warning: \(loop): it leads to \(real(sample)), which holds it; not followed"), "\(run)")
        #expect(run.lines.contains("sample/nested/up: warning: \(loop): it leads to \(real(sample)), which holds it; not followed"))
        #expect(run.lines.contains("sample/outside: warning: \(loop): it leads to \(real(folder)), which holds it; not followed"))
        #expect(!run.lines.contains { $0.contains("manifest.csv") }, "nothing outside the named folder is read")
        #expect(run.lines.contains { $0.hasPrefix("themescan: 4 document(s)") }, "\(run)")
    }

    /// Proves that pipes and devices are never read, whether named directly, met in a folder, or given as the
    /// manifest or the codebook: a FIFO with no writer does not block (hang bound 60 s), /dev/zero and
    /// /dev/urandom are not read forever (peak RSS under 256 MiB), and each gets a located error.
    @Test func pipesAndDevicesAreNeverRead() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = folder.appendingPathComponent("sample")
        #expect(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: sample.appendingPathComponent("zero.txt").path, withDestinationPath: "/dev/zero")
        let run = try ChildRun.run(
            ["analyze", "/dev/zero", "/dev/urandom", "pipe.txt", "sample", "--lexicon", "codebook.yaml", "--out", "out",
             "--quiet"], in: folder, timeout: Self.hangBound)
        #expect(!run.timedOut)
        #expect(run.status == 0, "\(run)")
        #expect(run.peakKiB < 256 * 1024 || !ChildRun.measuresMemory)
        for name in ["/dev/zero", "/dev/urandom", "pipe.txt", "sample/zero.txt"] {
            #expect(run.lines.contains("\(name): error: not a regular file; skipped"), "\(name): \(run)")
        }
        #expect(run.lines.contains { $0.hasPrefix("themescan: 3 document(s)") && $0.contains("4 error(s)") }, "\(run)")

        // The manifest and the codebook are read the same way.
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("zero.yaml").path, withDestinationPath: "/dev/zero")
        #expect(mkfifo(folder.appendingPathComponent("pipe.csv").path, 0o600) == 0)
        let codebook = try ChildRun.run(
            ["analyze", "sample", "--lexicon", "zero.yaml", "--out", "out2", "--quiet"], in: folder,
            timeout: Self.hangBound)
        #expect(codebook.status == 1 && !codebook.timedOut, "\(codebook)")
        #expect(codebook.lines.contains("zero.yaml: error: cannot read codebook: it is a device, not a regular file"))
        let manifest = try ChildRun.run(
            ["analyze", "sample", "--manifest", "pipe.csv", "--lexicon", "codebook.yaml", "--out", "out2", "--quiet"],
            in: folder, timeout: Self.hangBound)
        #expect(manifest.status == 1 && !manifest.timedOut, "\(manifest)")
        #expect(manifest.lines.contains("pipe.csv: error: cannot read file: it is a named pipe, not a regular file; skipped"))
        // So is a stopword list: a pipe named with --stopwords must not block the run.
        let stopwords = try ChildRun.run(
            ["analyze", "sample", "--stopwords", "pipe.csv", "--lexicon", "codebook.yaml", "--out", "out2", "--quiet"],
            in: folder, timeout: Self.hangBound)
        #expect(stopwords.status == 1 && !stopwords.timedOut, "\(stopwords)")
        #expect(stopwords.lines.contains { $0.hasPrefix("pipe.csv: error: ") && $0.contains("it is a named pipe") }, "\(stopwords)")
        #expect(try ChildRun.stagingLeftovers(in: folder).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out2").path))
    }

    /// Proves that an output folder that cannot be made (its parent is a regular file) fails before any reading,
    /// with exit status 1, a message naming the file in the way, and nothing written anywhere.
    @Test func anOutputFolderUnderAFileFails() throws {
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let before = try ChildRun.snapshot(folder)
        let run = try Self.analyze(["--out", "notes.txt/out"], in: folder)
        #expect(run.status == 1, "\(run)")
        #expect(run.lines == [
            "notes.txt/out: error: cannot write results: notes.txt is a file, not a folder; earlier results are untouched"
        ])
        #expect(try ChildRun.snapshot(folder) == before)
    }

    /// Proves that an output folder that cannot be written although the process runs as root (an immutable folder,
    /// `chattr +i`; mode 0555 when not root) fails with exit status 1, keeps the earlier results byte for byte and
    /// leaves no staging folder: both when the output folder itself and when its parent cannot be changed.
    @Test func anUnwritableOutputFolderKeepsEarlierResults() throws {
        let (folder, earlier) = try Self.workspaceWithEarlierResults()
        let output = folder.appendingPathComponent("out")
        let isRoot = geteuid() == 0
        func lock(_ url: URL) -> Bool {
            isRoot ? Self.system(["chattr", "+i", url.path]) == 0 : chmod(url.path, 0o555) == 0
        }
        func unlock(_ url: URL) {
            if isRoot { Self.system(["chattr", "-i", url.path]) } else { chmod(url.path, 0o755) }
        }
        defer {
            unlock(output)
            unlock(folder)
            try? FileManager.default.removeItem(at: folder)
        }
        // Skipped only where neither works (root on a file system without immutable files, such as tmpfs).
        guard lock(output) else { try Test.cancel("neither chattr +i nor mode 0555 can lock a folder here") }

        let intoLocked = try Self.analyze(["--out", "out"], in: folder)
        #expect(intoLocked.status == 1, "\(intoLocked)")
        // The analysis runs; the swap into the locked folder is refused, and the staging folder is removed.
        #expect(
            intoLocked.lines.last == "out: error: cannot write results: Permission denied; earlier results are untouched",
            "\(intoLocked)")
        #expect(try ChildRun.snapshot(output) == earlier)
        #expect(try ChildRun.stagingLeftovers(in: folder).isEmpty)

        unlock(output)
        guard lock(folder) else { try Test.cancel("the workspace folder cannot be locked here") }
        let besideLocked = try Self.analyze(["--out", "out"], in: folder)
        #expect(besideLocked.status == 1, "\(besideLocked)")
        // The staging folder cannot be made beside the output folder, so the run stops before reading anything.
        #expect(
            besideLocked.lines == ["out: error: cannot write results: Permission denied; earlier results are untouched"],
            "\(besideLocked)")
        #expect(try ChildRun.snapshot(output) == earlier)
        #expect(try ChildRun.stagingLeftovers(in: folder).isEmpty)
    }

    /// ThreadSanitizer's runtime itself faults (SIGBUS) under `ulimit -f`, before the binary runs any code of ours
    /// (`themescan --version` does too), so these cases run in the plain and address-sanitizer runs only.
    static func cancelUnderThreadSanitizerWithAFileSizeLimit() throws {
        if ChildRun.sanitizer == "thread" {
            try Test.cancel("ThreadSanitizer's runtime faults under a file size limit before ThemeScan starts")
        }
    }

    /// Proves that a file size limit (`ulimit -f`, a disk that is full for this process) makes the write fail with
    /// EFBIG instead of killing the run with SIGXFSZ: exit status 1, a message naming the file and the cause, the
    /// earlier results byte for byte, no staging folder.
    @Test func aFileSizeLimitFailsTheWriteAndKeepsEarlierResults() throws {
        try Self.cancelUnderThreadSanitizerWithAFileSizeLimit()
        let (folder, earlier) = try Self.workspaceWithEarlierResults()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 16 blocks (8 KiB in POSIX 512-byte blocks, 16 KiB in 1024-byte ones): the workbook and report are larger.
        let run = try Self.analyze(["--out", "out"], in: folder, shell: "ulimit -f 16")
        #expect(run.signal == nil, "killed by signal \(run.signal ?? 0): SIGXFSZ must be ignored")
        #expect(run.status == 1, "\(run)")
        #expect(
            run.lines.contains {
                $0.hasPrefix("out: error: cannot write results: writing ")
                    && $0.hasSuffix(": File too large; earlier results are untouched")
            }, "\(run)")
        #expect(try ChildRun.snapshot(folder.appendingPathComponent("out")) == earlier)
        #expect(try ChildRun.stagingLeftovers(in: folder).isEmpty)
    }

    /// Proves that messages that cannot be written (standard error appended to a file already past the file size
    /// limit) do not stop a run: it ends normally (exit 0) and writes its results.
    @Test func unwritableMessagesDoNotStopTheRun() throws {
        try Self.cancelUnderThreadSanitizerWithAFileSizeLimit()
        let folder = try EndToEndTests.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Past the limit whether the shell counts 512- or 1024-byte blocks (200 or 400 KiB); every output is smaller.
        try Data(count: 1_000_000).write(to: folder.appendingPathComponent("log"))
        let run = try ChildRun.run(
            ["analyze", "sample", "--lexicon", "codebook.yaml", "--out", "out"], in: folder,
            shell: "ulimit -f 400; exec 2>>log", timeout: Self.hangBound)
        #expect(run.signal == nil && run.status == 0, "\(run)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/run.json").path))
    }

    /// Proves that a disk that fills up while results are written (a 512 KiB tmpfs, where mounting one is
    /// permitted) fails with exit status 1 and "No space left on device", keeps the earlier results byte for byte
    /// and leaves no staging folder, so the space is given back.
    @Test func aFullDiskFailsTheWriteAndKeepsEarlierResults() throws {
        let folder = try EndToEndTests.workspace()
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: false)
        defer {
            Self.system(["umount", disk.path])
            try? FileManager.default.removeItem(at: folder)
        }
        // Skipped where mounting is not permitted (not root, or no CAP_SYS_ADMIN in a container).
        guard Self.system(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", disk.path]) == 0 else {
            try Test.cancel("mounting a tmpfs is not permitted here")
        }
        let first = try Self.analyze(["--out", "disk/out"], in: folder)
        #expect(first.status == 0, "\(first)")
        let earlier = try ChildRun.snapshot(disk.appendingPathComponent("out"))
        try RunFolderTests.largeInput(in: folder)

        let run = try Self.analyze(["--out", "disk/out"], in: folder)
        #expect(run.status == 1 && run.signal == nil, "\(run)")
        // matches.csv, written while documents are analyzed, is the first file to outgrow the disk.
        #expect(
            run.lines.contains(
                "disk/out/matches.csv: error: cannot write results: No space left on device; earlier results are untouched"),
            "\(run)")
        #expect(try ChildRun.snapshot(disk.appendingPathComponent("out")) == earlier)
        #expect(try ChildRun.stagingLeftovers(in: disk).isEmpty)
    }

    /// Proves that SIGINT or SIGTERM while the result files are being written (after the analysis: the tables are
    /// in the staging folder, run.json is not yet) exits with 130 or 143, removes the staging folder and leaves the
    /// earlier results byte for byte; hang bound 60 s.
    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalWhileWritingResultsKeepsEarlierResults(signal: Int32, status: Int32) throws {
        let (folder, earlier) = try Self.workspaceWithEarlierResults()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Many small documents: the document and case tables, the workbook, the report and the digests of every
        // input in run.json take a few seconds to write in a debug build.
        let many = folder.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: many, withIntermediateDirectories: false)
        for index in 0..<2000 {
            let text = "受访者\(index)：孩子有抑郁情绪，学校做个案管理，家长参加亲子活动。Program \(index) talked about bullying.\n"
            try Data(text.utf8).write(to: many.appendingPathComponent(String(format: "d%05d.txt", index)))
        }
        let child = try ChildRun.start(
            ["analyze", "many", "--lexicon", "codebook.yaml", "--out", "out", "--quiet"], in: folder)
        var writing = false
        let deadline = Date().addingTimeInterval(Self.hangBound)
        while Date() < deadline, child.isRunning {
            let staged = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .first { $0.hasPrefix(".out.themescan-new-") }
            if let staged {
                let files = (try? FileManager.default.contentsOfDirectory(
                    atPath: folder.appendingPathComponent(staged).path)) ?? []
                // codes.csv is written only once the analysis is over; run.json is the last file before the swap.
                if files.contains("codes.csv") && !files.contains("run.json") {
                    writing = true
                    break
                }
            }
            usleep(10_000)
        }
        #expect(writing, "the run was never seen writing its results")
        child.send(signal)
        let run = child.wait(timeout: Self.hangBound)
        #expect(run.status == status, "\(run)")
        #expect(run.standardError.contains("themescan: interrupted; nothing written, earlier results kept"))
        #expect(try ChildRun.stagingLeftovers(in: folder).isEmpty, "no staging folder may be left")
        #expect(try ChildRun.snapshot(folder.appendingPathComponent("out")) == earlier, "earlier results must be untouched")
    }
}
