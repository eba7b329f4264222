/// Recognizes speaker labels, timestamps and cue timing lines in the lines of a transcript.
///
/// Hand-written over an array of Unicode scalars because every offset it reports must be a scalar offset into the
/// document text; the rules look a few characters into a line, where a regex would cost an index translation for
/// every match.
struct TranscriptLineScanner {
    let scalars: [Unicode.Scalar]

    /// The longest label, in Unicode scalars: names and roles are short, sentences are not.
    static let maximumLabelLength = 20

    /// Characters no label holds: sentence punctuation, quotes, brackets, path and markup characters.
    static let excludedFromLabels: Set<Unicode.Scalar> = [
        "。", "，", ",", "、", "；", ";", "！", "!", "？", "?", "…", ":", "：", "\"", "“", "”", "‘", "’", "「", "」",
        "『", "』", "《", "》", "(", ")", "（", "）", "[", "]", "【", "】", "<", ">", "/", "\\", "|", "=", "#", "*",
        "@", "{", "}", "~",
    ]

    /// Bracketed notes that are not speakers: `[laughs]`, `【笑】` …, compared case-insensitively.
    static let annotations: Set<String> = [
        "笑", "大笑", "笑声", "停顿", "沉默", "听不清", "聽不清", "不清楚", "音乐", "音樂", "掌声", "掌聲", "杂音", "雜音",
        "哭", "叹气", "嘆氣", "laughs", "laughter", "laughing", "inaudible", "unintelligible", "crosstalk", "pause",
        "silence", "music", "applause", "noise", "sighs", "coughs", "background noise",
    ]

    // MARK: - Lines

    /// The lines of the text, without their line breaks.
    func lines() -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for index in scalars.indices where scalars[index] == "\n" {
            lines.append(start..<index)
            start = index + 1
        }
        if start < scalars.count { lines.append(start..<scalars.count) }
        return lines
    }

    /// The line without whitespace at its ends.
    func trimmed(_ line: Range<Int>) -> Range<Int> {
        var lower = line.lowerBound
        var upper = line.upperBound
        while lower < upper, isWhitespace(scalars[lower]) { lower += 1 }
        while upper > lower, isWhitespace(scalars[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    func isBlank(_ line: Range<Int>) -> Bool { trimmed(line).isEmpty }

    /// Whether the trimmed line begins with `word` followed by whitespace or nothing (`NOTE`, `WEBVTT` …).
    func starts(_ line: Range<Int>, withWord word: String) -> Bool {
        let range = trimmed(line)
        let word = Array(word.unicodeScalars)
        guard range.count >= word.count, Array(scalars[range.lowerBound..<(range.lowerBound + word.count)]) == word
        else { return false }
        let after = range.lowerBound + word.count
        return after == range.upperBound || isWhitespace(scalars[after])
    }

    func text(_ range: Range<Int>) -> String {
        // Encoded straight into the string's storage: building a scalar view scalar by scalar cost more than
        // parsing the transcript.
        String(unsafeUninitializedCapacity: range.count * 4) { bytes in
            var count = 0
            for scalar in scalars[range] {
                for byte in UTF8.encode(scalar)! {
                    bytes[count] = byte
                    count += 1
                }
            }
            return count
        }
    }

    // MARK: - Times

    /// The end of a time starting at `index` (`10:30`, `00:01:23`, `00:00:02.656`, `00:00:02,656`), or nil.
    func timeEnd(from index: Int, before limit: Int) -> Int? {
        var cursor = index
        func digits(_ allowed: ClosedRange<Int>) -> Bool {
            var count = 0
            while cursor < limit, isDigit(scalars[cursor]), count < allowed.upperBound {
                cursor += 1
                count += 1
            }
            return allowed.contains(count)
        }
        guard digits(1...2), cursor < limit, scalars[cursor] == ":" else { return nil }
        cursor += 1
        guard digits(2...2) else { return nil }
        if cursor + 2 < limit, scalars[cursor] == ":", isDigit(scalars[cursor + 1]), isDigit(scalars[cursor + 2]) {
            cursor += 3
        }
        if cursor + 1 < limit, scalars[cursor] == "." || scalars[cursor] == ",", isDigit(scalars[cursor + 1]) {
            cursor += 1
            guard digits(1...3) else { return nil }
        }
        if cursor < limit, isDigit(scalars[cursor]) || scalars[cursor] == ":" { return nil }
        return cursor
    }

    /// Whether `range` holds exactly one time.
    func isTime(_ range: Range<Int>) -> Bool {
        !range.isEmpty && timeEnd(from: range.lowerBound, before: range.upperBound) == range.upperBound
    }

    /// The start time of a cue timing line (`00:00:02.656 --> 00:00:03.230 align:start`), or nil when the line is
    /// none.
    func cueStart(_ line: Range<Int>) -> String? {
        let range = trimmed(line)
        guard let end = timeEnd(from: range.lowerBound, before: range.upperBound) else { return nil }
        var cursor = end
        while cursor < range.upperBound, isWhitespace(scalars[cursor]) { cursor += 1 }
        guard cursor + 3 <= range.upperBound, scalars[cursor] == "-", scalars[cursor + 1] == "-",
            scalars[cursor + 2] == ">"
        else { return nil }
        return text(range.lowerBound..<end)
    }

    // MARK: - Labels

    /// The speaker label at the start of `line`, if it has one.
    func label(in line: Range<Int>) -> SpeakerLabel? {
        headerLabel(in: line) ?? inlineLabel(in: line)
    }

    /// `说话人1 00:01:23`, `Speaker 2  12:05`, `说话人1(00:01:23)` or `说话人1(00:01:23):` alone on a line.
    func headerLabel(in line: Range<Int>) -> SpeakerLabel? {
        var range = trimmed(line)
        guard !range.isEmpty else { return nil }
        if scalars[range.upperBound - 1] == ":" || scalars[range.upperBound - 1] == "：" {
            range = trimmed(range.lowerBound..<(range.upperBound - 1))
        }
        guard !range.isEmpty else { return nil }
        let last = scalars[range.upperBound - 1]
        let timeRange: Range<Int>
        let nameEnd: Int
        if last == ")" || last == "）" {
            let opening: Unicode.Scalar = last == ")" ? "(" : "（"
            guard let open = scalars[range].lastIndex(of: opening) else { return nil }
            timeRange = trimmed((open + 1)..<(range.upperBound - 1))
            nameEnd = open
        } else {
            guard let space = scalars[range].lastIndex(where: isWhitespace) else { return nil }
            timeRange = (space + 1)..<range.upperBound
            nameEnd = space
        }
        let name = trimmed(range.lowerBound..<nameEnd)
        guard isTime(timeRange), isLabel(name) else { return nil }
        return SpeakerLabel(speaker: text(name), timestamp: text(timeRange), contentStart: line.upperBound, kind: .header)
    }

    /// `Name：text`, `Name: text`, `[Name] text`, `【Name】text`, `**Name**: text`, `Name（笑）：text`,
    /// `说话人1(00:01:23): text`, each perhaps after a time (`[00:01:23] Name: text`, `00:01:23 Name: text`).
    func inlineLabel(in line: Range<Int>) -> SpeakerLabel? {
        var cursor = trimmed(line).lowerBound
        let end = line.upperBound
        guard cursor < end else { return nil }
        // A Markdown list item: `- 访谈者：…`, `* Interviewer: …`.
        if cursor + 1 < end, ["-", "*", "•"].contains(scalars[cursor]), isWhitespace(scalars[cursor + 1]) {
            cursor += 1
            while cursor < end, isWhitespace(scalars[cursor]) { cursor += 1 }
            guard cursor < end else { return nil }
        }
        var timestamp: String?
        if let (time, next) = timePrefix(from: cursor, before: end) {
            timestamp = time
            cursor = next
        }
        if let label = bracketLabel(from: cursor, before: end, timestamp: timestamp) { return label }
        return colonLabel(from: cursor, before: end, timestamp: timestamp)
    }

    /// A time opening a line, bare and followed by whitespace or in brackets: its text and where the rest starts.
    private func timePrefix(from start: Int, before end: Int) -> (String, Int)? {
        var cursor = start
        let closing: Unicode.Scalar?
        switch scalars[cursor] {
        case "[": closing = "]"
        case "(": closing = ")"
        case "（": closing = "）"
        case "【": closing = "】"
        default: closing = nil
        }
        if closing != nil { cursor += 1 }
        guard let timeEnd = timeEnd(from: cursor, before: end) else { return nil }
        let time = text(cursor..<timeEnd)
        var next = timeEnd
        if let closing {
            guard next < end, scalars[next] == closing else { return nil }
            next += 1
        } else {
            guard next < end, isWhitespace(scalars[next]) else { return nil }
        }
        while next < end, isWhitespace(scalars[next]) { next += 1 }
        return next < end ? (time, next) : nil
    }

    private func bracketLabel(from start: Int, before end: Int, timestamp: String?) -> SpeakerLabel? {
        let closing: Unicode.Scalar
        switch scalars[start] {
        case "[": closing = "]"
        case "【": closing = "】"
        default: return nil
        }
        let limit = min(end, start + Self.maximumLabelLength + 4)
        guard let close = scalars[(start + 1)..<limit].firstIndex(of: closing) else { return nil }
        let name = trimmed((start + 1)..<close)
        guard isLabel(name), !Self.annotations.contains(text(name).lowercased()) else { return nil }
        var content = close + 1
        while content < end, isWhitespace(scalars[content]) { content += 1 }
        if content < end, scalars[content] == ":" || scalars[content] == "：" { content += 1 }
        return SpeakerLabel(speaker: text(name), timestamp: timestamp, contentStart: content, kind: .inline)
    }

    private func colonLabel(from start: Int, before end: Int, timestamp: String?) -> SpeakerLabel? {
        var cursor = start
        // Markdown bold around the label: `**Name**:` or `**Name:**`.
        var marker: Unicode.Scalar?
        if cursor + 1 < end, scalars[cursor] == "*" || scalars[cursor] == "_", scalars[cursor + 1] == scalars[cursor] {
            marker = scalars[cursor]
            cursor += 2
        }
        func markerAt(_ index: Int) -> Bool {
            guard let marker, index >= start, index + 1 < end else { return false }
            return scalars[index] == marker && scalars[index + 1] == marker
        }
        let nameStart = cursor
        // Find the colon ending the label, stepping over a parenthesized note or time inside it.
        let limit = min(end, nameStart + 2 * Self.maximumLabelLength)
        var depth = 0
        var colon: Int?
        scan: while cursor < limit {
            switch scalars[cursor] {
            case "(", "（": depth += 1
            case ")", "）": depth -= 1
            case ":" where depth == 0, "：" where depth == 0:
                colon = cursor
                break scan
            default: break
            }
            cursor += 1
        }
        guard let colon, colon > nameStart else { return nil }
        // `http://…` is no label, and neither is the `10` of a time like `上午10:30`.
        if colon + 1 < end, scalars[colon + 1] == "/" || isDigit(scalars[colon - 1]) && isDigit(scalars[colon + 1]) {
            return nil
        }
        var name = trimmed(nameStart..<(markerAt(colon - 2) ? colon - 2 : colon))
        var stamp = timestamp
        // `Name（笑）：` and `说话人1(00:01:23):`: the note is dropped, the time kept.
        if let last = name.last, scalars[last] == ")" || scalars[last] == "）" {
            let opening: Unicode.Scalar = scalars[last] == ")" ? "(" : "（"
            guard let open = scalars[name].lastIndex(of: opening) else { return nil }
            let inner = trimmed((open + 1)..<last)
            if isTime(inner) { stamp = text(inner) }
            name = trimmed(name.lowerBound..<open)
        }
        guard isLabel(name) else { return nil }
        let content = markerAt(colon + 1) ? colon + 3 : colon + 1
        return SpeakerLabel(speaker: text(name), timestamp: stamp, contentStart: content, kind: .inline)
    }

    /// Whether `range` can be a speaker label: short, with a letter, without sentence punctuation or brackets,
    /// and not a numbered item (`1. 您觉得`, `2.3 Reasons`).
    func isLabel(_ range: Range<Int>) -> Bool {
        guard (1...Self.maximumLabelLength).contains(range.count) else { return false }
        if let firstNonDigit = scalars[range].firstIndex(where: { !isDigit($0) }), firstNonDigit > range.lowerBound,
            scalars[firstNonDigit] == "." || scalars[firstNonDigit] == "．"
        {
            return false
        }
        var hasLetter = false
        for scalar in scalars[range] {
            // CJK Unified Ideographs are letters and never excluded; asking the set and the property table for
            // each was a share of reading a transcript, whose labels are mostly Han.
            if (0x4E00...0x9FFF).contains(scalar.value) {
                hasLetter = true
                continue
            }
            if Self.excludedFromLabels.contains(scalar) || scalar == "\t" { return false }
            if scalar.properties.isAlphabetic { hasLetter = true }
        }
        return hasLetter
    }

    // MARK: - Characters

    func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { Self.isWhitespace(scalar) }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        // Visible ASCII and everything past U+3000 (Han, kana, fullwidth forms) is never White_Space; the property
        // lookup is what label scanning spent most of its time on in Chinese transcripts.
        if (0x21...0x7E).contains(scalar.value) || scalar.value > 0x3000 { return false }
        return scalar.properties.isWhitespace
    }

    func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
