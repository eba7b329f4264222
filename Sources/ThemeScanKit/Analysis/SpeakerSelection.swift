/// Which segments a run counts, by the role of their speaker.
public enum SpeakerSelection: String, Sendable, Hashable, CaseIterable {
    /// Every segment.
    case all
    /// Everything but interviewer turns: respondents, questionnaire answers and unattributed text, so that
    /// interviewer questions do not inflate what programs said.
    case respondent
    /// Interviewer turns only.
    case interviewer

    /// Whether a segment with this role is counted.
    public func includes(_ role: SpeakerRole) -> Bool {
        switch self {
        case .all: return true
        case .respondent: return role != .interviewer
        case .interviewer: return role == .interviewer
        }
    }
}
