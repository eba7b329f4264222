/// A stretch of a document's text with one speaker, the unit that matching runs over.
///
/// Matches never cross segments. `start` is the segment's offset in the document's extracted text, in Unicode
/// scalars, so a match inside the segment is reported at `start` plus its offset in `text`.
public struct Segment: Sendable, Hashable {
    public var speaker: String?
    public var timestamp: String?
    public var text: String
    public var start: Int

    public init(speaker: String? = nil, timestamp: String? = nil, text: String, start: Int) {
        self.speaker = speaker
        self.timestamp = timestamp
        self.text = text
        self.start = start
    }
}
