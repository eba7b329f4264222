/// A stretch of a document's text with one speaker, the unit that matching runs over.
///
/// Matches never cross segments. `text` is a contiguous stretch of the document's extracted text (labels and
/// timestamps left outside it), and `start` is where it begins there, in Unicode scalars, so a match inside the
/// segment is reported at `start` plus its offset in `text`.
public struct Segment: Sendable, Hashable {
    /// The speaker label as written, or the question a questionnaire answer belongs to.
    public var speaker: String?
    public var role: SpeakerRole
    /// The timestamp written with the turn, as written (`00:01:23`, `00:00:02.656`).
    public var timestamp: String?
    public var text: String
    public var start: Int

    public init(speaker: String? = nil, role: SpeakerRole = .unknown, timestamp: String? = nil, text: String, start: Int) {
        self.speaker = speaker
        self.role = role
        self.timestamp = timestamp
        self.text = text
        self.start = start
    }
}
