/// Runs the text pipeline on one document at a time: normalize, segment, match, count.
///
/// Owns ICU handles (normalizer, word break iterator), so each worker makes its own analyzer.
public final class DocumentAnalyzer {
    public let matcher: Matcher
    public let contextLength: Int
    public let speakers: SpeakerSelection
    private let normalizer: TextNormalizer
    private let segmenter: WordSegmenter

    public init(matcher: Matcher, contextLength: Int = 20, speakers: SpeakerSelection = .all) throws(TextError) {
        self.matcher = matcher
        self.contextLength = contextLength
        self.speakers = speakers
        self.normalizer = try TextNormalizer(options: matcher.normalization, traditional: matcher.traditionalCharacters)
        self.segmenter = try WordSegmenter()
    }

    /// Analyzes a document; `index` is its place in the run's document list.
    public func analyze(_ document: Document, index: Int) throws(TextError) -> DocumentAnalysis {
        var tally = DocumentTally(
            caseID: document.caseID, tokens: 0, characters: document.text.unicodeScalars.count,
            codeCount: matcher.codes.count, termCount: matcher.terms.count)
        var matches: [Match] = []
        var countedSegments = 0
        for (segmentIndex, segment) in document.segments.enumerated() where speakers.includes(segment.role) {
            countedSegments += 1
            let units = Array(segment.text.utf16)
            let normalized = try normalizer.normalize(units)
            tally.tokens += try segmenter.countWords(in: normalized.units)
            let spans = matcher.spans(in: normalized)
            guard !spans.isEmpty else { continue }
            let offsets = ScalarOffsetMap(units: units)
            for span in spans {
                let original = normalized.originalRange(of: span.range)
                let match = Match(
                    document: index, segment: segmentIndex, speaker: segment.speaker, role: segment.role, credits: span.credits,
                    start: segment.start + offsets.scalarOffset(ofUTF16: original.lowerBound),
                    end: segment.start + offsets.scalarOffset(ofUTF16: original.upperBound),
                    surface: offsets.text(original),
                    left: offsets.context(before: original.lowerBound, scalars: contextLength),
                    right: offsets.context(after: original.upperBound, scalars: contextLength))
                tally.count(match)
                matches.append(match)
            }
        }
        let summary = DocumentSummary(
            id: document.id, caseID: document.caseID, source: document.source, format: document.format,
            encoding: document.encoding, characters: tally.characters, tokens: tally.tokens,
            speakers: document.format.isTabular ? [] : Self.speakerList(document.segments), segments: countedSegments, metadata: document.metadata)
        return DocumentAnalysis(summary: summary, matches: matches, tally: tally)
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
