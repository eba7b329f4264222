import Foundation

/// The tool many researchers use today: jieba in accurate mode with the codebook's Chinese terms as its user
/// dictionary, counting those terms. Run through `python3` when jieba is installed.
struct JiebaBaseline {
    struct Outcome {
        var megabytesPerSecond: Double
        var tokens: Int
        var termOccurrences: Int
    }

    /// Why the baseline cannot run here, or nil when it can.
    static func unavailableReason() -> String? {
        let check = ChildProcess.run(["/usr/bin/env", "python3", "-c", "import jieba"])
        return check.status == 0 ? nil : "python3 with jieba not found (pip install jieba)"
    }

    /// Segments `files` with jieba; time is measured inside Python, after the import and dictionary load.
    static func run(files: [String], terms: [String], workFolder: URL) throws -> Outcome {
        let dictionary = workFolder.appendingPathComponent("jieba-userdict.txt")
        try Data(terms.map { "\($0) 1000\n" }.joined().utf8).write(to: dictionary)
        let list = workFolder.appendingPathComponent("jieba-files.txt")
        try Data(files.joined(separator: "\n").utf8).write(to: list)
        let script = workFolder.appendingPathComponent("jieba-baseline.py")
        try Data(Self.script.utf8).write(to: script)
        let output = workFolder.appendingPathComponent("jieba-out.txt")
        let outcome = ChildProcess.run(
            ["/usr/bin/env", "python3", script.path, dictionary.path, list.path], logPath: output.path)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        guard outcome.status == 0, let line = text.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") })
        else { throw BenchmarkError.baselineFailed(text) }
        let fields = line.split(separator: " ")
        return Outcome(
            megabytesPerSecond: Double(fields[1]) ?? 0, tokens: Int(fields[2]) ?? 0, termOccurrences: Int(fields[3]) ?? 0)
    }

    private static let script = """
        import sys, time, logging
        import jieba
        jieba.setLogLevel(logging.WARNING)
        jieba.load_userdict(sys.argv[1])
        jieba.initialize()
        terms = set(line.split(' ')[0] for line in open(sys.argv[1], encoding='utf-8'))
        files = open(sys.argv[2], encoding='utf-8').read().split('\\n')
        texts = [open(f, encoding='utf-8').read() for f in files]
        size = sum(len(t.encode('utf-8')) for t in texts)
        start = time.perf_counter()
        tokens = 0
        hits = 0
        for text in texts:
            for word in jieba.cut(text, HMM=True):
                if not word.isspace():
                    tokens += 1
                    if word in terms:
                        hits += 1
        elapsed = time.perf_counter() - start
        print('RESULT %.4f %d %d' % (size / 1048576 / elapsed, tokens, hits))
        """
}
