extension SpeakerRole {
    /// The role's position in `allCases`, for counts kept in an array.
    var index: Int {
        switch self {
        case .interviewer: return 0
        case .respondent: return 1
        case .unknown: return 2
        }
    }
}
