/// What a shard keeps about one document so that merging can rebuild every table: its summary, its counts and
/// where its input stands in the full input list.
public struct PartialDocument: Sendable, Equatable {
    /// The 0-based position of the document's input in the full input list.
    public var input: Int
    /// The part of its input the document was analyzed in, for an input every shard reads (`ShardParts`); nil when
    /// its shard alone read the input.
    public var part: Int?
    /// Whether the document is the only one of its case in the whole run (`DocumentAnalysis.completesCase`), so
    /// that `merge` counts its case as finished as a single run does.
    public var completesCase: Bool
    public var id: String
    public var caseID: String
    public var source: String
    public var format: String
    public var encoding: String
    public var characters: Int
    public var tokens: Int
    public var segments: Int
    /// Label and role of each speaker.
    public var speakers: [[String]]
    public var metadata: [String: String]
    /// Nonzero occurrences as `[index, count]` pairs: most codes do not occur in most documents.
    public var codes: [[Int]]
    public var terms: [[Int]]
    /// The words of the open-vocabulary list, sorted, and the occurrences of each.
    public var words: [String]
    public var wordCounts: [Int]
    /// The codes credited by each word that is a codebook match.
    public var wordCodes: [String: [Int]]
    /// Speaker turns holding both codes of a pair, as `[first, second, count]`.
    public var segmentPairs: [[Int]]
    /// Counted speaker turns and their tokens, by speaker role.
    public var roleSegments: [String: Int]
    public var roleTokens: [String: Int]

    public init(_ analysis: DocumentAnalysis, input: Int) {
        let summary = analysis.summary
        self.input = input
        part = analysis.part
        completesCase = analysis.completesCase
        id = summary.id
        caseID = summary.caseID
        source = summary.source
        format = summary.format.rawValue
        encoding = summary.encoding
        characters = summary.characters
        tokens = summary.tokens
        segments = summary.segments
        speakers = summary.speakers.map { [$0.label, $0.role.rawValue] }
        metadata = summary.metadata.dictionary
        codes = analysis.tally.codeOccurrences.enumerated().filter { $0.element > 0 }.map { [$0.offset, $0.element] }
        terms = analysis.tally.termOccurrences.enumerated().filter { $0.element > 0 }.map { [$0.offset, $0.element] }
        let words = analysis.tally.words.sorted { $0.key < $1.key }
        self.words = words.map(\.key)
        wordCounts = words.map(\.value)
        wordCodes = analysis.tally.wordCodes.mapValues { $0.sorted() }
        roleSegments = analysis.tally.roleSegments
        roleTokens = analysis.tally.roleTokens
        segmentPairs = analysis.tally.segmentPairs.sorted { $0.key < $1.key }.map { [$0.key.first, $0.key.second, $0.value] }
    }

    /// The `matches.csv` rows the document wrote: one per credited code.
    public var matchRowCount: Int { codes.reduce(0) { $0 + $1[1] } }

    /// The summary back, or nil when a field is not one this version writes.
    func summary() -> DocumentSummary? {
        guard let format = DocumentFormat(rawValue: format) else { return nil }
        var speakerList: [SpeakerSummary] = []
        for speaker in speakers {
            guard speaker.count == 2, let role = SpeakerRole(rawValue: speaker[1]) else { return nil }
            speakerList.append(SpeakerSummary(label: speaker[0], role: role))
        }
        return DocumentSummary(
            id: id, caseID: caseID, source: source, format: format, encoding: encoding, characters: characters,
            tokens: tokens, speakers: speakerList, segments: segments, metadata: DocumentMetadata(metadata))
    }

    /// The counts back, or nil when an index is outside the codebook.
    func tally(codeCount: Int, termCount: Int) -> DocumentTally? {
        var tally = DocumentTally(
            caseID: caseID, tokens: tokens, characters: characters, codeCount: codeCount, termCount: termCount)
        for pair in codes {
            guard pair.count == 2, (0..<codeCount).contains(pair[0]) else { return nil }
            tally.codeOccurrences[pair[0]] = pair[1]
        }
        for pair in terms {
            guard pair.count == 2, (0..<termCount).contains(pair[0]) else { return nil }
            tally.termOccurrences[pair[0]] = pair[1]
        }
        guard words.count == wordCounts.count else { return nil }
        tally.words.reserveCapacity(words.count)
        for (word, count) in zip(words, wordCounts) {
            guard tally.words.updateValue(count, forKey: word) == nil else { return nil }
        }
        tally.roleSegments = roleSegments
        tally.roleTokens = roleTokens
        for (word, codes) in wordCodes {
            guard codes.allSatisfy((0..<codeCount).contains) else { return nil }
            tally.wordCodes[word] = Set(codes)
        }
        for triple in segmentPairs {
            guard triple.count == 3, (0..<codeCount).contains(triple[0]), (0..<codeCount).contains(triple[1]),
                triple[0] != triple[1]
            else { return nil }
            tally.segmentPairs[CodePair(triple[0], triple[1])] = triple[2]
        }
        return tally
    }
}
