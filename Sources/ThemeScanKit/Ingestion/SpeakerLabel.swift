/// A speaker label found at the start of a transcript line.
struct SpeakerLabel: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// `Name：text`, `Name: text`, `[Name] text`, `【Name】text`: the turn's text starts on the same line.
        case inline
        /// `说话人1 00:01:23`, `Speaker 2  12:05`, `说话人1(00:01:23):` alone on a line, as automatic
        /// transcription exports them: the turn's text is on the lines that follow.
        case header
    }

    /// The label as written, without brackets, colon, markup or timestamp.
    var speaker: String
    /// The timestamp written with the label, as written.
    var timestamp: String?
    /// Where the turn's text starts: just after the label, in Unicode scalars of the document text.
    var contentStart: Int
    var kind: Kind
}
