/// Counts the n-grams of one document at a time: normalize each segment, cut it into ICU word tokens, and count
/// every run of 1 to `maximumLength` neighbouring words of one script.
///
/// N-grams never cross punctuation, line breaks, numbers or segment edges: Han words count as neighbours only when
/// nothing stands between them, alphabetic words when only spaces or one hyphen do. Holds ICU handles (normalizer,
/// word break iterator): one counter per worker.
public final class NgramCounter {
    public let maximumLength: Int
    public let speakers: SpeakerSelection
    private let normalizer: TextNormalizer
    private let segmenter: WordSegmenter
    private let classifier: CharacterClassifier

    public init(
        normalization: NormalizationOptions, traditional: TraditionalCharacterSet? = nil,
        classifier: CharacterClassifier, maximumLength: Int = 4, speakers: SpeakerSelection = .all
    ) throws(TextError) {
        self.maximumLength = max(1, maximumLength)
        self.speakers = speakers
        self.classifier = classifier
        normalizer = try TextNormalizer(options: normalization, traditional: traditional)
        segmenter = try WordSegmenter()
    }

    /// One word token of a segment, in normalized UTF-16 units.
    private struct Token {
        var range: Range<Int>
        var script: CandidateScript?
    }

    /// The n-grams of a document; `index` is its place in the run's input order, which examples carry.
    public func count(_ document: Document, index: Int) throws(TextError) -> NgramTally {
        var tally = NgramTally()
        tally.documents = 1
        var documentTokens = 0
        var counts: [String: NgramStats] = [:]
        for segment in document.segments where speakers.includes(segment.role) {
            let original = segment.text.utf16Units
            let normalized = try normalizer.normalize(original)
            let boundaries = try segmenter.boundaries(in: normalized.units)
            let tokens = self.tokens(in: normalized.units, boundaries: boundaries)
            documentTokens += tokens.count
            var sentences = SentenceCutter(units: original)
            for run in runs(of: tokens, in: normalized.units) {
                let words = run.tokens.map { String(decoding: normalized.units[$0.range], as: UTF16.self) }
                for start in words.indices {
                    for length in 1...min(maximumLength, words.count - start) {
                        let end = start + length
                        let joiners = Array(run.joiners[start..<(end - 1)])
                        let text = NgramStats.text(words[start..<end], joiners: joiners[...])
                        if counts[text] == nil {
                            let span = run.tokens[start].range.lowerBound..<run.tokens[end - 1].range.upperBound
                            let example = sentences.example(around: normalized.originalRange(of: span), document: index)
                            counts[text] = NgramStats(
                                script: run.script, tokens: Array(words[start..<end]), joiners: joiners,
                                example: example)
                        }
                        counts[text]!.occurrences += 1
                    }
                }
            }
        }
        for key in counts.keys {
            counts[key]!.documents = 1
            counts[key]!.caseOccurrences = [document.caseID: counts[key]!.occurrences]
        }
        tally.entries = counts
        tally.tokens = documentTokens
        tally.caseTokens = [document.caseID: documentTokens]
        return tally
    }

    /// The word tokens between ICU word boundaries: pieces holding a letter, digit, kana or ideograph.
    private func tokens(in units: [UInt16], boundaries: [Int]) -> [Token] {
        var tokens: [Token] = []
        for (start, end) in zip(boundaries, boundaries.dropFirst()) where start < end {
            var allHan = true
            var allLetters = true
            var anyLetter = false
            var anyWord = false
            var index = start
            while index < end {
                let (value, length) = scalarValue(in: units, at: index)
                index += length
                let isHan = ChineseSimplifier.isHan(value)
                let kind = classifier.classify(value)
                if kind == .word || kind == .ideograph { anyWord = true }
                if !isHan { allHan = false }
                if classifier.isLetter(value) {
                    anyLetter = true
                } else if value != 0x27 {
                    allLetters = false
                }
            }
            guard anyWord else { continue }
            let script: CandidateScript? = allHan ? .han : (allLetters && anyLetter ? .alphabetic : nil)
            tokens.append(Token(range: start..<end, script: script))
        }
        return tokens
    }

    /// A stretch of neighbouring words of one script, with what joins each pair.
    private struct Run {
        var script: CandidateScript
        var tokens: [Token]
        var joiners: [String]
    }

    /// The runs of neighbouring words; tokens of no script (numbers, mixed) belong to none.
    private func runs(of tokens: [Token], in units: [UInt16]) -> [Run] {
        var runs: [Run] = []
        var current: Run?
        for token in tokens {
            guard let script = token.script else {
                if let run = current { runs.append(run) }
                current = nil
                continue
            }
            if var run = current, run.script == script,
                let joiner = Self.joiner(
                    units[run.tokens.last!.range.upperBound..<token.range.lowerBound], script: script)
            {
                run.tokens.append(token)
                run.joiners.append(joiner)
                current = run
            } else {
                if let run = current { runs.append(run) }
                current = Run(script: script, tokens: [token], joiners: [])
            }
        }
        if let run = current { runs.append(run) }
        return runs
    }

    /// How the text between two words joins them into one n-gram, or nil when it separates them.
    private static func joiner(_ gap: ArraySlice<UInt16>, script: CandidateScript) -> String? {
        switch script {
        case .han:
            return gap.isEmpty ? "" : nil
        case .alphabetic:
            guard !gap.isEmpty else { return nil }
            if gap.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return " " }
            // A hyphen or dash between two words (parent-child), which the matching rules treat like a space.
            if gap.count == 1, let unit = gap.first, unit == 0x2D || (0x2010...0x2014).contains(unit) { return "-" }
            return nil
        }
    }
}
