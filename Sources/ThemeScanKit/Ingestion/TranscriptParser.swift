/// Splits a transcript's text into speaker turns.
///
/// Recognizes `Name：text` and `Name: text`, `[Name] text` and `【Name】text` at line starts (perhaps after a
/// time, perhaps in Markdown bold), speaker lines with a timestamp over the turn's lines as automatic transcription
/// exports them (`说话人1 00:01:23`, `Speaker 2  12:05`, `说话人1(00:01:23):`), and WebVTT and SubRip cues with
/// `<v Name>` voice tags or labels. Lines without a label continue the turn before them; text before the first
/// label, and a text with no labels at all, is one stretch of `.unknown` role.
///
/// Each segment's text is a contiguous stretch of the document text, trimmed, with `start` its offset there in
/// Unicode scalars; labels, timing lines and cue tags stay outside, so a turn they interrupt becomes several
/// segments with the same speaker.
public struct TranscriptParser: Sendable {
    public var classifier: SpeakerRoleClassifier

    /// How many Unicode scalars of a transcript's lines are scanned at once; tests make it small.
    var blockLength = 1 << 20

    public init(classifier: SpeakerRoleClassifier = SpeakerRoleClassifier()) {
        self.classifier = classifier
    }

    /// The segments of `text`, read as a transcript of `format` (`.webVTT` and `.subRip` as cues, anything
    /// else as lines).
    public func segments(in text: String, format: DocumentFormat = .text) -> [Segment] {
        let stretches: [TurnCollector.Stretch]
        switch format {
        case .webVTT, .subRip:
            stretches = cueStretches(TranscriptLineScanner(scalars: text.unicodeScalarArray), isWebVTT: format == .webVTT)
        default:
            stretches = lineStretches(text)
        }
        let roles = classifier.roles(of: Set(stretches.compactMap(\.speaker)))
        // Trimmed and copied from the text's own UTF-8: a scalar array of the whole text would cost four bytes a
        // character, the most of anything held while a large transcript is parsed.
        let turns = text.trimmedTexts(
            atScalarRanges: stretches.map(\.range), trimming: TranscriptLineScanner.isWhitespace)
        var segments: [Segment] = []
        segments.reserveCapacity(stretches.count)
        for (stretch, turn) in zip(stretches, turns) where !turn.range.isEmpty {
            segments.append(
                Segment(
                    speaker: stretch.speaker, role: stretch.speaker.map { roles[$0] ?? .respondent } ?? .unknown,
                    timestamp: stretch.timestamp, text: turn.text, start: turn.range.lowerBound))
        }
        return segments
    }

    // MARK: - Lines

    /// The stretches of a transcript read as lines, scanned a block of lines at a time (`blockLength`): a label
    /// never spans lines, so only the offsets change between blocks.
    private func lineStretches(_ text: String) -> [TurnCollector.Stretch] {
        var lines: [Range<Int>] = []
        var candidates: [SpeakerLabel?] = []
        text.forEachLineBlock(scalarCount: blockLength) { scalars, base in
            let scanner = TranscriptLineScanner(scalars: scalars)
            for line in scanner.lines() {
                lines.append((line.lowerBound + base)..<(line.upperBound + base))
                candidates.append(
                    scanner.label(in: line).map { label in
                        var label = label
                        label.contentStart += base
                        return label
                    })
            }
        }
        // Taken out of the variable the closure captured, so that `acceptedLabels` filters the only copy.
        var found: [SpeakerLabel?] = []
        swap(&found, &candidates)
        let labels = acceptedLabels(consume found)
        var collector = TurnCollector()
        for (line, label) in zip(lines, labels) {
            if let label {
                collector.startTurn(speaker: label.speaker, timestamp: label.timestamp)
                collector.append(label.contentStart..<line.upperBound)
            } else {
                collector.append(line)
            }
        }
        return collector.finish()
    }

    /// The labels that count, by line, from the candidates the scanner found.
    ///
    /// A document whose turns open with speaker lines (two or more) takes only those: in such exports a colon
    /// inside a turn's text is just a colon. Otherwise every candidate counts but header fields (`项目：…`,
    /// `日期：…`, `Program: …`): in a conversation (two or more labels used again and again), a label used once,
    /// above the first label that is used again, and not an interviewer label, stays in the unlabelled text before
    /// the first turn.
    ///
    /// The candidates are filtered in place: a large transcript has one for every line.
    func acceptedLabels(_ candidates: consuming [SpeakerLabel?]) -> [SpeakerLabel?] {
        var labels = candidates
        let kept: SpeakerLabel.Kind = labels.count(where: { $0?.kind == .header }) >= 2 ? .header : .inline
        for index in labels.indices where labels[index] != nil && labels[index]!.kind != kept { labels[index] = nil }
        if kept == .header { return labels }
        var uses: [String: Int] = [:]
        for case let label? in labels { uses[label.speaker, default: 0] += 1 }
        guard uses.values.count(where: { $0 >= 2 }) >= 2,
            let firstRepeated = labels.firstIndex(where: { $0.map { uses[$0.speaker]! >= 2 } ?? false })
        else { return labels }
        let once = labels[..<firstRepeated].compactMap { $0?.speaker }.filter { uses[$0] == 1 }
        let roles = classifier.roles(of: once)
        for index in 0..<firstRepeated {
            if let speaker = labels[index]?.speaker, uses[speaker] == 1, roles[speaker] != .interviewer {
                labels[index] = nil
            }
        }
        return labels
    }

    // MARK: - Cues

    /// WebVTT and SubRip: blocks separated by blank lines; a cue block has an optional id or counter, a timing
    /// line, and payload lines. WebVTT's header, NOTE, STYLE and REGION blocks hold no speech.
    private func cueStretches(_ scanner: TranscriptLineScanner, isWebVTT: Bool) -> [TurnCollector.Stretch] {
        var collector = TurnCollector()
        for (index, block) in blocks(scanner).enumerated() {
            collector.interrupt()
            if isWebVTT {
                if index == 0, scanner.starts(block[0], withWord: "WEBVTT") { continue }
                if ["NOTE", "STYLE", "REGION"].contains(where: { scanner.starts(block[0], withWord: $0) }) { continue }
            }
            var payload = block[...]
            if let timing = block.prefix(2).firstIndex(where: { scanner.cueStart($0) != nil }) {
                collector.startCue(timestamp: scanner.cueStart(block[timing]))
                payload = block[(timing + 1)...]
            }
            for line in payload { readCueLine(line, scanner, into: &collector) }
        }
        return collector.finish()
    }

    /// Runs of non-blank lines.
    private func blocks(_ scanner: TranscriptLineScanner) -> [[Range<Int>]] {
        var blocks: [[Range<Int>]] = []
        var current: [Range<Int>] = []
        for line in scanner.lines() {
            if scanner.isBlank(line) {
                if !current.isEmpty { blocks.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    /// One payload line: `<v Name>` starts a turn, other tags (`<i>`, `</v>`, `<c.yellow>`, `<00:00:01.000>`,
    /// SubRip's `{\an8}`) split the text, and a line opening with a label starts a turn too.
    private func readCueLine(_ line: Range<Int>, _ scanner: TranscriptLineScanner, into collector: inout TurnCollector) {
        let scalars = scanner.scalars
        var pieceStart = line.lowerBound
        var cursor = line.lowerBound
        var firstPiece = true
        // Once a closing character is missing from the rest of the line, no later opening can be a tag: stop
        // looking, which keeps a long line full of `<` linear.
        var closingMissing: Set<Unicode.Scalar> = []
        func emit(_ piece: Range<Int>) {
            defer { firstPiece = false }
            if firstPiece, let label = scanner.inlineLabel(in: piece) {
                collector.startTurn(speaker: label.speaker, timestamp: label.timestamp ?? collector.timestamp)
                collector.append(label.contentStart..<piece.upperBound)
            } else {
                collector.append(piece)
            }
        }
        while cursor < line.upperBound {
            let opening = scalars[cursor]
            let closing: Unicode.Scalar? =
                opening == "<" ? ">" : (opening == "{" && cursor + 1 < line.upperBound && scalars[cursor + 1] == "\\" ? "}" : nil)
            guard let closing, !closingMissing.contains(closing),
                let close = scalars[(cursor + 1)..<line.upperBound].firstIndex(of: closing)
            else {
                if let closing { closingMissing.insert(closing) }
                cursor += 1
                continue
            }
            if cursor > pieceStart { emit(pieceStart..<cursor) }
            if let speaker = voice(in: (cursor + 1)..<close, scanner) {
                collector.startTurn(speaker: speaker, timestamp: collector.timestamp)
                firstPiece = false
            } else {
                collector.interrupt()
            }
            cursor = close + 1
            pieceStart = cursor
        }
        if line.upperBound > pieceStart { emit(pieceStart..<line.upperBound) }
    }

    /// The speaker of a WebVTT voice tag's inside (`v Roger`, `v.loud Esme Ward`), or nil for any other tag.
    private func voice(in tag: Range<Int>, _ scanner: TranscriptLineScanner) -> String? {
        let scalars = scanner.scalars
        guard tag.count >= 2, scalars[tag.lowerBound] == "v",
            scalars[tag.lowerBound + 1] == "." || scanner.isWhitespace(scalars[tag.lowerBound + 1]),
            let space = scalars[tag].firstIndex(where: scanner.isWhitespace)
        else { return nil }
        let name = scanner.trimmed(space..<tag.upperBound)
        return name.isEmpty ? nil : scanner.text(name)
    }
}
