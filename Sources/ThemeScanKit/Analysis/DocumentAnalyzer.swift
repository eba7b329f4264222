import Foundation

/// Runs the text pipeline on one document at a time: normalize, segment, match, count.
///
/// Owns ICU handles (normalizer, word break iterator), so each worker makes its own analyzer. A segment longer than
/// `chunkLength` UTF-16 units is analyzed in chunks (see `TextChunker`), so memory stays bounded and ICU never sees
/// a huge text at once; chunks are cut after sentence-final punctuation that no term contains, which gives the same
/// matches and tokens as the uncut text.
public final class DocumentAnalyzer {
    /// How a segment is cut when it is longer: 1 Mi UTF-16 units (2 MiB), which keeps per-chunk buffers near 20 MB.
    public static let defaultChunkLength = 1 << 20
    /// Characters a chunk may end with, when no term contains them: sentence ends, never whitespace (term gaps
    /// match whitespace).
    static let cutCandidates: [UInt16] = Array("。！？!?；;｡".utf16)

    public let matcher: Matcher
    public let contextLength: Int
    public let speakers: SpeakerSelection
    /// When set, `analyze` renders `matches.csv` rows into `DocumentAnalysis.matchRows` instead of keeping `Match`
    /// records, which is cheaper when the rows are all that is wanted.
    public let rowRenderer: MatchRowRenderer?
    /// When set, `analyze` counts the open-vocabulary words of each document (`DocumentTally.words`).
    public let wordList: WordListSettings?
    /// The word list's stopwords, looked up by their UTF-16 units (`WordCounter.finish`).
    private let stopwordTable: WordCounter
    /// Whether `analyze` keeps a `Match` for every match when no row renderer is set. A run that wants neither rows
    /// nor matches turns it off: matches are then counted and sampled only, and a turn's sentences and positions are
    /// worked out only for samples.
    public var keepsMatches = true
    /// How many matches of each code a document keeps as samples (`DocumentAnalysis.samples`), for the report.
    public var samplesPerCode = 0
    /// The run's samples so far, when a corpus analyzer shares them: codes it has enough of are not sampled.
    var sampler: PassageSampler?
    /// Where rows set aside beyond `rowSpillBytes` go; the system's temporary folder when nil. The CLI names its
    /// staging folder, so an interrupted run leaves no quoted interview text behind.
    public var spillFolder: String?
    /// Asked each time a document's rows outgrow `rowSpillBytes`, until it gives a file: the file its rows may be
    /// written to straight away, because the document is the next one due there, or nil to set them aside. The
    /// corpus analyzer sets it for each document it may apply to.
    var dueRowsFile: (() -> CSVStreamWriter?)?
    let chunkLength: Int
    /// Rendered rows beyond this many bytes go to a temporary file, so one huge, match-dense document does not
    /// hold all its rows in memory.
    let rowSpillBytes: Int
    /// The default: 8 MiB, so the buffer, which grows by doubling, stays under 16 MiB.
    static let defaultRowSpillBytes = 8 << 20
    /// Bytes of `matches.csv` rows per byte of text an interview makes, about: 14 for the bench's corpus, whose
    /// sentences each row quotes.
    static let expectedRowBytesPerTextByte = 16
    let cutAfter: [UInt16]
    private let normalizer: TextNormalizer
    private let segmenter: WordSegmenter
    private let sentenceSegmenter: SentenceSegmenter
    private var scratch: [UInt8] = []
    /// Segments of the current document in which both codes of a pair occur; kept by the analyzer from one
    /// document to the next, since it empties as cheaply as it filled.
    private var pairCounter: CodePairCounter

    public convenience init(
        matcher: Matcher, contextLength: Int = 20, speakers: SpeakerSelection = .all,
        rowRenderer: MatchRowRenderer? = nil, wordList: WordListSettings? = nil
    ) throws(TextError) {
        try self.init(
            matcher: matcher, contextLength: contextLength, speakers: speakers, rowRenderer: rowRenderer,
            wordList: wordList, chunkLength: Self.defaultChunkLength, rowSpillBytes: Self.defaultRowSpillBytes)
    }

    /// An analyzer that cuts segments longer than `chunkLength` UTF-16 units and sets rows aside beyond
    /// `rowSpillBytes`; tests make both small.
    init(
        matcher: Matcher, contextLength: Int, speakers: SpeakerSelection, rowRenderer: MatchRowRenderer?,
        wordList: WordListSettings? = nil, chunkLength: Int, rowSpillBytes: Int = DocumentAnalyzer.defaultRowSpillBytes
    ) throws(TextError) {
        self.wordList = wordList
        stopwordTable = WordCounter(words: wordList?.stopwords.entries ?? [])
        self.rowSpillBytes = rowSpillBytes
        self.matcher = matcher
        self.contextLength = contextLength
        self.speakers = speakers
        self.rowRenderer = rowRenderer
        self.chunkLength = chunkLength
        self.normalizer = try TextNormalizer(options: matcher.normalization, traditional: matcher.traditionalCharacters)
        self.segmenter = try WordSegmenter()
        self.sentenceSegmenter = try SentenceSegmenter()
        var cutAfter: [UInt16] = []
        for candidate in Self.cutCandidates where !matcher.patternUnits.contains(candidate) {
            // The matcher sees the normalized character (！ becomes !), so that must be foreign to terms too.
            let normalized = try normalizer.normalize([candidate]).units
            if !normalized.contains(where: matcher.patternUnits.contains) { cutAfter.append(candidate) }
        }
        self.cutAfter = cutAfter
        pairCounter = CodePairCounter(codes: matcher.codes.count)
    }

    /// Analyzes a document; `index` is its place in the run's document list.
    ///
    /// Only the segments are read after the text's length is counted, so the text is let go: when the caller
    /// hands over the only copy of a large transcript, its memory is free while the segments are analyzed.
    public func analyze(_ document: consuming Document, index: Int) throws(TextError) -> DocumentAnalysis {
        var tally = DocumentTally(
            caseID: document.caseID, tokens: 0, characters: document.text.unicodeScalarCount,
            codeCount: matcher.codes.count, termCount: matcher.terms.count)
        let textBytes = document.text.utf8.count
        document.text = ""
        let summary = DocumentSummary(
            id: document.id, caseID: document.caseID, source: document.source, format: document.format,
            encoding: document.encoding, characters: tally.characters, tokens: 0,
            speakers: document.format.isTabular ? [] : Self.speakerList(document.segments), segments: 0,
            metadata: document.metadata)
        var output = Output(document: index, summary: summary)
        if rowRenderer != nil {
            // Room for the rows of a match-dense text from the start: grown by doubling, a document's rows were
            // copied about once more, each time into freshly mapped memory. Pages never written stay unmapped,
            // so room beyond what the rows take costs address space, not memory. The room is capped just above
            // the size at which rows are set aside, computed so that no size a test sets (up to Int.max) overflows.
            let textCap = rowSpillBytes / Self.expectedRowBytesPerTextByte + (1 << 16)
            output.rows.reserveCapacity(min(textBytes, textCap) * Self.expectedRowBytesPerTextByte)
        }
        if samplesPerCode > 0, let sampler { output.fullSamples = sampler.fullCodes() }
        // A document that failed part way leaves nothing behind for this one.
        pairCounter.removeAll()
        var countedSegments = 0
        var rowPrefixes = RowPrefixCache()
        var batch = TurnBatch()
        for (segmentIndex, segment) in document.segments.enumerated() where speakers.includes(segment.role) {
            countedSegments += 1
            // UTF-16 never has more units than UTF-8 has bytes, so a short UTF-8 count rules out chunking cheaply.
            if segment.text.utf8.count <= chunkLength {
                let units = segment.text.utf16Units
                batch.append(
                    PendingTurn(
                        index: segmentIndex, speaker: segment.speaker, role: segment.role, start: segment.start, units: units,
                        normalized: try normalizer.normalize(units)))
                if batch.unitCount >= Self.batchLength {
                    try analyze(batch, prefixes: &rowPrefixes, into: &output, tally: &tally)
                    batch = TurnBatch()
                }
                continue
            }
            try analyze(batch, prefixes: &rowPrefixes, into: &output, tally: &tally)
            batch = TurnBatch()
            let tokensBefore = tally.tokens
            begin(segmentIndex, speaker: segment.speaker, role: segment.role, prefixes: &rowPrefixes, output: &output)
            var chunker = TextChunker(
                segment.text, chunkLength: chunkLength,
                // Enough context for the longest KWIC sentence, so chunked text gives the same rows.
                contextScalars: max(contextLength, Self.sentenceReach), cutAfter: cutAfter)
            while let chunk = chunker.next() {
                let normalized = try normalizer.normalize(
                    chunk.core.count == chunk.units.count ? chunk.units : Array(chunk.units[chunk.core]))
                let tokens = try segmenter.words(in: normalized.units)
                try analyze(
                    units: chunk.units, core: chunk.core, normalized: normalized, tokens: tokens[...], tokenShift: 0,
                    scalarBase: segment.start + chunk.scalarBase, into: &output, tally: &tally)
            }
            end(role: segment.role, tokensBefore: tokensBefore, output: &output, tally: &tally)
        }
        try analyze(batch, prefixes: &rowPrefixes, into: &output, tally: &tally)
        pairCounter.drain(into: &tally.segmentPairs)
        for (role, counts) in zip(SpeakerRole.allCases, output.roleCounts) where counts.segments > 0 {
            tally.roleSegments[role.rawValue, default: 0] += counts.segments
            tally.roleTokens[role.rawValue, default: 0] += counts.tokens
        }
        if wordList != nil { output.words.finish(dropping: stopwordTable, into: &tally) }
        var finished = summary
        finished.tokens = tally.tokens
        finished.segments = countedSegments
        try output.spill?.close()
        var analysis = DocumentAnalysis(
            summary: finished, matches: output.matches, tally: tally, matchRows: output.rows,
            spilledMatchRows: output.spill?.path)
        analysis.samples = output.samples
        return analysis
    }

    /// How many UTF-16 units of consecutive turns go to ICU's word break at once. Setting a new text costs ICU
    /// about as much as segmenting a short turn, so turns are joined (each ends with a paragraph separator, where
    /// the word break rules always break) and their tokens shared out; a bound keeps the joined text small.
    ///
    /// Small enough that a batch's turns (their units, normalized units and offset maps, 12 bytes a unit, and
    /// the tokens) are still in the processor's cache when their matches are placed after the word break: at
    /// 65,536 units they were not, and reading a match's offsets was a sixth of the rows' cost. 8,192 measured
    /// about 3% faster end to end than 65,536, and faster than 4,096 and 16,384 too.
    public static let batchLength = 1 << 13

    /// A turn read and normalized, waiting for its batch to be segmented.
    private struct PendingTurn {
        var index: Int
        /// What the turn's rows and counts need of its segment; its text is in `units`, and copying the whole
        /// segment into the batch cost a reference count on its text, twice a turn.
        var speaker: String?
        var role: SpeakerRole
        var start: Int
        var units: [UInt16]
        var normalized: NormalizedText
    }

    /// Consecutive turns whose words are segmented in one ICU pass.
    private struct TurnBatch {
        var turns: [PendingTurn] = []
        var unitCount = 0

        mutating func append(_ turn: PendingTurn) {
            turns.append(turn)
            unitCount += turn.normalized.units.count + 1
        }
    }

    /// Segments a batch of turns in one pass, then analyzes each turn with its share of the tokens, in order.
    private func analyze(
        _ batch: TurnBatch, prefixes: inout RowPrefixCache, into output: inout Output, tally: inout DocumentTally
    ) throws(TextError) {
        guard !batch.turns.isEmpty else { return }
        var joined: [UInt16] = []
        joined.reserveCapacity(batch.unitCount)
        for turn in batch.turns {
            joined.append(contentsOf: turn.normalized.units)
            joined.append(Self.turnSeparator)
        }
        let tokens = try segmenter.words(in: joined)
        var nextToken = 0
        var turnStart = 0
        for turn in batch.turns {
            let turnEnd = turnStart + turn.normalized.units.count
            // No token crosses a separator, so each turn's tokens are the next ones that start before its end.
            let firstToken = nextToken
            while nextToken < tokens.count, tokens[nextToken].range.lowerBound < turnEnd { nextToken += 1 }
            let tokensBefore = tally.tokens
            begin(turn.index, speaker: turn.speaker, role: turn.role, prefixes: &prefixes, output: &output)
            try analyze(
                units: turn.units, core: 0..<turn.units.count, normalized: turn.normalized,
                tokens: tokens[firstToken..<nextToken], tokenShift: turnStart, scalarBase: turn.start,
                into: &output, tally: &tally)
            end(role: turn.role, tokensBefore: tokensBefore, output: &output, tally: &tally)
            turnStart = turnEnd + 1
        }
    }

    /// U+2029 PARAGRAPH SEPARATOR: word break rules WB3a and WB3b break on both sides of it.
    public static let turnSeparator: UInt16 = 0x2029

    /// Makes segment `index`, of `speaker` and `role`, the current one, with its `matches.csv` row prefix.
    private func begin(
        _ index: Int, speaker: String?, role: SpeakerRole, prefixes: inout RowPrefixCache, output: inout Output
    ) {
        output.segment = index
        output.speaker = speaker
        output.role = role
        output.segmentCodes.removeAll(keepingCapacity: true)
        guard let rowRenderer else { return }
        // A transcript has a few speakers and many turns: render each speaker's row prefix once.
        output.rowPrefix = prefixes.prefix(speaker: speaker, role: role) {
            rowRenderer.segmentPrefix(document: output.summary, speaker: speaker, role: role)
        }
    }

    /// Adds the current segment's role counts and code pairs.
    private func end(role: SpeakerRole, tokensBefore: Int, output: inout Output, tally: inout DocumentTally) {
        output.roleCounts[role.index].segments += 1
        output.roleCounts[role.index].tokens += tally.tokens - tokensBefore
        guard output.segmentCodes.count > 1 else { return }
        output.segmentCodes.sort()
        // The distinct codes, in place: most turns with matches have a few, and an array each was an allocation.
        var distinct = 1
        for index in 1..<output.segmentCodes.count where output.segmentCodes[index] != output.segmentCodes[distinct - 1] {
            output.segmentCodes[distinct] = output.segmentCodes[index]
            distinct += 1
        }
        pairCounter.countPairs(of: output.segmentCodes[..<distinct])
    }

    /// What the segments of one document produce, and where the current segment is.
    private struct Output {
        var document: Int
        var summary: DocumentSummary
        var segment = 0
        var speaker: String?
        var role = SpeakerRole.unknown
        var rowPrefix: [UInt8] = []
        var matches: [Match] = []
        /// The codes credited in the current segment, with repeats.
        var segmentCodes: [Int] = []
        /// Turns and their tokens by speaker role (`SpeakerRole.index`), counted here and put in the tally's
        /// dictionaries once at the end: hashing the role's name twice per turn was a thirtieth of a run.
        var roleCounts = [(segments: Int, tokens: Int)](repeating: (0, 0), count: SpeakerRole.allCases.count)
        /// The document's first matches of each code, by code index.
        var samples: [Int: [Match]] = [:]
        /// Codes the run already has enough samples of, by code index; empty when no sampler is shared.
        var fullSamples: [Bool] = []
        /// The document's open-vocabulary words so far.
        var words = WordCounter()
        var spellings = MultiwordSpellings()
        var rows: [UInt8] = []
        var spill: RowSpill?
        /// Where the rows went instead, when the document was the next one due there (`dueRowsFile`).
        var dueFile: CSVStreamWriter?

        /// Whether a match of `code` should be kept as a sample.
        func wantsSample(of code: Int, perCode: Int) -> Bool {
            if fullSamples.indices.contains(code), fullSamples[code] { return false }
            return samples[code, default: []].count < perCode
        }
    }

    /// Hands the rows rendered so far on: straight to `matches.csv` once the document is the next one due there,
    /// or to a temporary file for the consumer to copy until then.
    ///
    /// A huge document's rows are many times its size (32 bytes a byte for an unpunctuated Han run): set aside,
    /// they were written to disk, read back and written again. A document still waiting for those before it asks
    /// again each time its rows outgrow memory; once due, it moves what it set aside into the file itself and goes
    /// on there.
    private func setAside(_ output: inout Output) throws(TextError) {
        if output.dueFile == nil, let file = dueRowsFile?() {
            if let spill = output.spill.take() {
                try spill.close()
                do { try file.append(movingRowsFrom: spill.path) } catch { throw .rowsUnwritten(error) }
            }
            output.dueFile = file
        }
        if let file = output.dueFile {
            do { try file.append(rendered: output.rows) } catch { throw .rowsUnwritten(error) }
        } else {
            if output.spill == nil { output.spill = try RowSpill(in: spillFolder) }
            try output.spill!.write(output.rows)
        }
        output.rows.removeAll(keepingCapacity: true)
    }

    /// A temporary file that takes a document's rows once they outgrow `rowSpillBytes`, written past the page
    /// cache where the file system allows (`DirectFileWriter`).
    private final class RowSpill {
        let path: String
        private let file: DirectFileWriter

        /// Creates the file in `folder` (the system's temporary folder when nil), readable by its owner only:
        /// the rows quote interview text.
        init(in folder: String?) throws(TextError) {
            let base = folder.map { URL(fileURLWithPath: $0) } ?? FileManager.default.temporaryDirectory
            path = base.appendingPathComponent(".themescan-rows-\(UUID().uuidString).csv").path
            do { file = try DirectFileWriter(path: path, permissions: 0o600, exclusive: true) } catch {
                throw .spillFailed(path: path, reason: error.reason)
            }
        }

        func write(_ bytes: [UInt8]) throws(TextError) {
            do { try file.write(bytes) } catch { throw .spillFailed(path: path, reason: error.reason) }
        }

        func close() throws(TextError) {
            do { try file.close(synchronizing: false) } catch { throw .spillFailed(path: path, reason: error.reason) }
        }
    }

    /// Analyzes `units[core]`, given its normalized text and word tokens; the units around it are context only.
    /// `scalarBase` is the document scalar offset of `units[0]`. The tokens' ranges are `tokenShift` units past
    /// the normalized text's: a batch's tokens are handed to its turns as they are, not copied.
    private func analyze(
        units: [UInt16], core: Range<Int>, normalized: NormalizedText, tokens: ArraySlice<WordToken>, tokenShift: Int,
        scalarBase: Int, into output: inout Output, tally: inout DocumentTally
    ) throws(TextError) {
        let spans = matcher.spans(in: normalized)
        tally.tokens += tokens.count
        if let wordList {
            Self.countWords(
                tokens, shiftedBy: tokenShift, spans: spans, in: normalized.units, settings: wordList,
                counter: &output.words, spellings: &output.spellings)
        }
        guard !spans.isEmpty else { return }
        let shift = core.lowerBound
        let placesEveryMatch = rowRenderer != nil || keepsMatches
        var fieldSource: CSVFieldSource?
        var placing: (offsets: ScalarOffsetMap, sentenceBounds: [Int])?
        for span in spans {
            for credit in span.credits {
                tally.codeOccurrences[credit.code] += 1
                tally.termOccurrences[credit.term] += 1
                output.segmentCodes.append(credit.code)
            }
            let isSample =
                samplesPerCode > 0 && span.credits.contains(where: { output.wantsSample(of: $0.code, perCode: samplesPerCode) })
            guard placesEveryMatch || isSample else { continue }
            if placing == nil {
                placing = (ScalarOffsetMap(units: units), try sentenceSegmenter.boundaries(in: units))
            }
            let (offsets, sentenceBounds) = placing!
            let local = normalized.originalRange(of: span.range)
            let original = (local.lowerBound + shift)..<(local.upperBound + shift)
            let start = scalarBase + offsets.scalarOffset(ofUTF16: original.lowerBound)
            let end = scalarBase + offsets.scalarOffset(ofUTF16: original.upperBound)
            let sentence = Self.sentence(around: original, boundaries: sentenceBounds, units: units, offsets: offsets)
            func match() -> Match {
                Match(
                    document: output.document, segment: output.segment, speaker: output.speaker, role: output.role,
                    credits: span.credits, start: start, end: end, surface: offsets.text(original),
                    left: offsets.context(before: original.lowerBound, scalars: contextLength),
                    right: offsets.context(after: original.upperBound, scalars: contextLength),
                    sentence: offsets.flattenedText(sentence))
            }
            if isSample {
                let sample = match()
                for credit in span.credits where output.wantsSample(of: credit.code, perCode: samplesPerCode) {
                    output.samples[credit.code, default: []].append(sample)
                }
            }
            if let rowRenderer {
                let left = offsets.position(before: original.lowerBound, scalars: contextLength)
                let right = offsets.position(after: original.upperBound, scalars: contextLength)
                if fieldSource == nil { fieldSource = CSVFieldSource(units: units) }
                rowRenderer.appendRows(
                    credits: span.credits, prefix: output.rowPrefix, segment: output.segment + 1, source: fieldSource!,
                    surface: original, left: left..<original.lowerBound, right: original.upperBound..<right,
                    sentence: sentence, start: start, end: end, scratch: &scratch, to: &output.rows)
                if output.rows.count >= rowSpillBytes {
                    try setAside(&output)
                }
            } else if keepsMatches {
                output.matches.append(match())
            }
        }
    }

    /// The most a KWIC sentence reaches out from its match on either side, in characters: an unpunctuated answer
    /// of thousands of characters is one "sentence", and a row is for reading.
    static let sentenceReach = 300

    /// The UTF-16 range of the sentence around `match` (ICU sentence boundaries, so 。！？ end sentences), without
    /// its trailing spaces and line breaks and cut at `sentenceReach` characters from the match.
    static func sentence(
        around match: Range<Int>, boundaries: [Int], units: [UInt16], offsets: ScalarOffsetMap
    ) -> Range<Int> {
        // The last boundary at or before the match starts the sentence; the first one at or after its end ends it.
        let after = Self.firstIndex(in: boundaries, from: 0) { $0 > match.lowerBound }
        var start = boundaries[max(0, after - 1)]
        let closing = Self.firstIndex(in: boundaries, from: after) { $0 >= match.upperBound }
        var end = closing < boundaries.count ? boundaries[closing] : units.count
        // A side no longer in UTF-16 units than the reach is within it in scalars too: only longer ones are cut.
        if match.lowerBound - start > sentenceReach {
            start = max(start, offsets.position(before: match.lowerBound, scalars: sentenceReach))
        }
        if end - match.upperBound > sentenceReach {
            end = min(end, offsets.position(after: match.upperBound, scalars: sentenceReach))
        }
        while end > match.upperBound, Self.isBlank(units[end - 1]) { end -= 1 }
        while start < match.lowerBound, Self.isBlank(units[start]) { start += 1 }
        return start..<end
    }

    /// The first index from `start` on whose value satisfies `isPast`, which holds from some index on (binary
    /// search over sorted boundaries); `values.count` when none does.
    static func firstIndex(in values: [Int], from start: Int, where isPast: (Int) -> Bool) -> Int {
        var low = start
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(values[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Spaces and line breaks, which a sentence from ICU keeps at its end.
    static func isBlank(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0xA0 || unit == 0x3000
    }

    /// Adds the open-vocabulary words of a piece of normalized text: each codebook match once, as its normalized
    /// surface, and every ICU token outside matches that is not a number and is long enough (stopwords are dropped
    /// once per distinct word, by `WordCounter.finish`).
    static func countWords(
        _ tokens: ArraySlice<WordToken>, shiftedBy shift: Int, spans: [MatchSpan], in units: [UInt16],
        settings: WordListSettings, counter: inout WordCounter, spellings: inout MultiwordSpellings
    ) {
        units.withUnsafeBufferPointer { buffer in
            var nextSpan = 0
            for shifted in tokens {
                let token = WordToken(
                    range: (shifted.range.lowerBound - shift)..<(shifted.range.upperBound - shift), kind: shifted.kind)
                // Spans come in text order and do not overlap; count each as the first token reaching it goes by.
                while nextSpan < spans.count, spans[nextSpan].range.upperBound <= token.range.lowerBound {
                    countSpan(spans[nextSpan], in: buffer, counter: &counter, spellings: &spellings)
                    nextSpan += 1
                }
                if nextSpan < spans.count, spans[nextSpan].range.overlaps(token.range) { continue }
                guard token.kind != .number,
                    settings.minimumCharacters <= 1
                        || scalarCount(buffer, token.range, atLeast: settings.minimumCharacters)
                else { continue }
                counter.add(buffer, token.range)
            }
            while nextSpan < spans.count {
                countSpan(spans[nextSpan], in: buffer, counter: &counter, spellings: &spellings)
                nextSpan += 1
            }
        }
    }

    /// Whether `units[range]` holds at least `minimum` scalars (a surrogate pair is one).
    private static func scalarCount(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, atLeast minimum: Int) -> Bool {
        guard range.count >= minimum else { return false }
        var count = 0
        for index in range where units[index] & 0xFC00 != 0xDC00 {
            count += 1
            if count >= minimum { return true }
        }
        return false
    }

    private static func countSpan(
        _ span: MatchSpan, in units: UnsafeBufferPointer<UInt16>, counter: inout WordCounter,
        spellings: inout MultiwordSpellings
    ) {
        guard units[span.range].contains(where: isBlank) else {
            let word = counter.add(units, span.range)
            for credit in span.credits { counter.credit(word, code: credit.code) }
            return
        }
        let word = spellings.count(units, span.range, in: &counter)
        for credit in span.credits { counter.credit(word, code: credit.code) }
    }

    /// Each labelled speaker once, in order of first appearance, with the role it was given. Questionnaire rows
    /// list none: their "speakers" are the questions, which `matches.csv` names match by match.
    static func speakerList(_ segments: [Segment]) -> [SpeakerSummary] {
        var seen: Set<String> = []
        var list: [SpeakerSummary] = []
        for segment in segments {
            guard let speaker = segment.speaker, seen.insert(speaker).inserted else { continue }
            list.append(SpeakerSummary(label: speaker, role: segment.role))
        }
        return list
    }
}
