/// Gathers the stretches of a transcript's text that belong to speakers, as the parser walks it.
///
/// A stretch grows while text of the same turn follows without interruption (continuation lines, several lines of
/// one cue); a new label, a timing line or a cue tag closes it, so that every stretch is one contiguous range of
/// the document text.
struct TurnCollector {
    struct Stretch: Sendable, Hashable {
        var speaker: String?
        var timestamp: String?
        var range: Range<Int>
    }

    private(set) var stretches: [Stretch] = []
    private(set) var speaker: String?
    private(set) var timestamp: String?
    private var open: Range<Int>?

    /// Starts a turn: what follows belongs to `speaker`.
    mutating func startTurn(speaker: String?, timestamp: String?) {
        close()
        self.speaker = speaker
        self.timestamp = timestamp
    }

    /// Starts a new cue of the current speaker's turn.
    mutating func startCue(timestamp: String?) {
        close()
        self.timestamp = timestamp
    }

    /// Adds text of the current turn; it joins the open stretch, taking in what lies between.
    mutating func append(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        open = open.map { $0.lowerBound..<range.upperBound } ?? range
    }

    /// Ends the open stretch: the next text of the same turn starts a new one.
    mutating func interrupt() {
        close()
    }

    /// All stretches, the open one included.
    mutating func finish() -> [Stretch] {
        close()
        return stretches
    }

    private mutating func close() {
        if let open { stretches.append(Stretch(speaker: speaker, timestamp: timestamp, range: open)) }
        open = nil
    }
}
