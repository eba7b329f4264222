/// How far a run has got through its input files, rendered as a terminal bar or as a plain line for logs.
///
/// A pure value: the caller measures time and counts; this only does the arithmetic and the text, so every
/// rendering can be tested without a clock or a terminal.
public struct ProgressLine: Sendable, Equatable {
    /// The number of characters between the bar's brackets.
    public static let barWidth = 20
    /// Rate and time left are shown only after this much time, so the first, slow-starting file does not
    /// produce a wild estimate.
    public static let minimumSecondsForEstimates = 1.0

    public var totalFiles: Int
    public var totalBytes: Int
    public var filesDone: Int
    public var bytesDone: Int
    public var elapsedSeconds: Double

    public init(totalFiles: Int, totalBytes: Int, filesDone: Int = 0, bytesDone: Int = 0, elapsedSeconds: Double = 0) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        self.filesDone = filesDone
        self.bytesDone = bytesDone
        self.elapsedSeconds = elapsedSeconds
    }

    /// The share of the work done, from 0 to 1: by bytes when the total size is known, else by files. With nothing
    /// to do at all the work is complete.
    public var fraction: Double {
        let share: Double
        if totalBytes > 0 {
            share = Double(bytesDone) / Double(totalBytes)
        } else if totalFiles > 0 {
            share = Double(filesDone) / Double(totalFiles)
        } else {
            share = 1
        }
        return min(max(share, 0), 1)
    }

    /// Whether every file has been read.
    public var isComplete: Bool {
        filesDone >= totalFiles && bytesDone >= totalBytes
    }

    /// Bytes read per second, once there is enough time and at least one byte to base it on.
    public var bytesPerSecond: Double? {
        guard hasBasisForEstimates, bytesDone > 0 else { return nil }
        return Double(bytesDone) / elapsedSeconds
    }

    /// Seconds left at the pace so far: zero when complete, nil while there is nothing to base it on.
    public var secondsRemaining: Double? {
        if isComplete { return 0 }
        let fraction = fraction
        guard hasBasisForEstimates, fraction > 0 else { return nil }
        return elapsedSeconds * (1 - fraction) / fraction
    }

    private var hasBasisForEstimates: Bool {
        elapsedSeconds.isFinite && elapsedSeconds >= Self.minimumSecondsForEstimates
    }

    /// The line a terminal redraws in place, e.g. `[#####---------------]  12/62 files   3.4/18.0 MB    1.2 MB/s  ETA    0:12`.
    ///
    /// Every field is padded to the width its total needs, so for the same totals the line keeps its length and
    /// nothing jumps as the numbers grow.
    public var terminalLine: String {
        let filled = Int((fraction * Double(Self.barWidth)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: Self.barWidth - filled) + "]"
        let totalFilesText = String(totalFiles)
        let files = Self.padded(String(filesDone), to: totalFilesText.count) + "/" + totalFilesText + " files"
        let totalBytesText = Self.number(totalBytes, in: Self.unit(for: totalBytes))
        let bytes = Self.padded(Self.number(bytesDone, in: Self.unit(for: totalBytes)), to: totalBytesText.count)
            + "/" + totalBytesText + " " + Self.unit(for: totalBytes).symbol
        let rate = Self.padded(bytesPerSecond.map { Self.byteCount($0) + "/s" } ?? "--", to: 10)
        let remaining: String
        if isComplete {
            remaining = "done"
        } else {
            remaining = secondsRemaining.map(Self.clockDuration) ?? "--:--"
        }
        return [bar, files, bytes, rate, "ETA " + Self.padded(remaining, to: 7)].joined(separator: "  ")
    }

    /// The line written to a log, e.g. `progress: 12/62 files, 3.4/18.0 MB (19%), 1.2 MB/s, about 12 s left`.
    public var logLine: String {
        let unit = Self.unit(for: totalBytes)
        var parts = [
            "\(filesDone)/\(totalFiles) files",
            Self.number(bytesDone, in: unit) + "/" + Self.number(totalBytes, in: unit) + " " + unit.symbol
                + " (\(Int((fraction * 100).rounded(.down)))%)",
        ]
        if let bytesPerSecond { parts.append(Self.byteCount(bytesPerSecond) + "/s") }
        if isComplete {
            parts.append("done")
        } else if let secondsRemaining {
            parts.append("about " + Self.spokenDuration(secondsRemaining) + " left")
        }
        return "progress: " + parts.joined(separator: ", ")
    }

    /// `bytes` with the unit that suits it: whole bytes below 1 kB, else one decimal (decimal units: 1 kB = 1000 B).
    public static func byteCount(_ bytes: Double) -> String {
        let unit = unit(for: bytes)
        return number(bytes, in: unit) + " " + unit.symbol
    }

    /// `seconds` as m:ss, or h:mm:ss from an hour on, rounded up so the last second shows as 0:01, not 0:00.
    public static func clockDuration(_ seconds: Double) -> String {
        let total = wholeSeconds(seconds)
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    /// `seconds` in words for a log: "12 s", "3 min 5 s", "2 h 10 min".
    static func spokenDuration(_ seconds: Double) -> String {
        let total = wholeSeconds(seconds)
        if total < 60 { return "\(total) s" }
        if total < 3600 { return "\(total / 60) min \(total % 60) s" }
        return "\(total / 3600) h \(total / 60 % 60) min"
    }

    private static func wholeSeconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return Int(min(seconds.rounded(.up), Double(Int32.max)))
    }

    private struct ByteUnit {
        var symbol: String
        var size: Double
    }

    private static let units = [
        ByteUnit(symbol: "B", size: 1), ByteUnit(symbol: "kB", size: 1e3), ByteUnit(symbol: "MB", size: 1e6),
        ByteUnit(symbol: "GB", size: 1e9),
    ]

    /// The smallest unit in which `bytes` shows as less than 1000 once rounded, so 999 B stays in bytes, 18 000 000 B
    /// is 18.0 MB and 999 960 B is 1.0 MB rather than 1000.0 kB.
    private static func unit(for bytes: Int) -> ByteUnit { unit(for: Double(bytes)) }

    private static func unit(for bytes: Double) -> ByteUnit {
        units.first { unit in
            let shown = unit.size == 1 ? bytes.rounded() : (bytes / unit.size * 10).rounded() / 10
            return shown < 1000
        } ?? units[units.count - 1]
    }

    private static func number(_ bytes: Int, in unit: ByteUnit) -> String { number(Double(bytes), in: unit) }

    private static func number(_ bytes: Double, in unit: ByteUnit) -> String {
        guard unit.size > 1 else { return String(Int(bytes.rounded())) }
        // One decimal by integer arithmetic: Foundation's formatters would add locale grouping and separators.
        let tenths = Int((bytes / unit.size * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func padded(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(width - text.count, 0)) + text
    }
}
