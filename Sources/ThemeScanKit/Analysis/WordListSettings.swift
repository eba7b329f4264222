/// What goes into the open-vocabulary word list (`words.csv`).
///
/// Words are ICU word tokens in matching form (case-folded, Simplified), except that a codebook match is one word,
/// its normalized surface, whatever ICU makes of it (个案管理 is never 个案 and 管理). Numbers are never words;
/// stopwords and words shorter than `minimumCharacters` are dropped unless they are codebook matches.
public struct WordListSettings: Sendable, Equatable {
    public var stopwords: StopwordList
    /// The fewest characters (Unicode scalars) a word needs: 2 drops single Han characters and single letters.
    public var minimumCharacters: Int

    public init(stopwords: StopwordList = StopwordList(), minimumCharacters: Int = 2) {
        self.stopwords = stopwords
        self.minimumCharacters = minimumCharacters
    }
}
