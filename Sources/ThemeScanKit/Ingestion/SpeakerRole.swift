/// Who is speaking in a segment, as far as the transcript tells.
public enum SpeakerRole: String, Sendable, Hashable, CaseIterable {
    /// A turn whose label is one of the run's interviewer labels.
    case interviewer
    /// A turn with any other label, and every questionnaire answer.
    case respondent
    /// Text before the first label, and documents with no speaker structure.
    case unknown
}
