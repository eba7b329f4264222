/// The kind of words an n-gram is made of; n-grams never mix them.
public enum CandidateScript: String, Sendable, Hashable {
    /// ICU tokens made only of Han ideographs, written together without spaces (心理|健康|教育 → 心理健康教育).
    case han
    /// Words of letters (and apostrophes) of a spaced script, joined by a space or a hyphen.
    case alphabetic
}
