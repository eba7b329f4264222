/// How much text one automatic coding covers in a REFI-QDA project.
public enum QDACodingUnit: String, Sendable, Hashable, CaseIterable {
    /// Exactly the matched text, as in `matches.csv`: one selection per match, coded with every code it credits.
    case match
    /// The sentence holding the match (ICU sentence breaks, within the speaker turn), coded once with each code
    /// credited in it; the spaces and line break after the sentence are left out.
    case sentence
    /// The whole speaker turn (segment) holding the matches, coded once with each code credited in it.
    case turn
}
