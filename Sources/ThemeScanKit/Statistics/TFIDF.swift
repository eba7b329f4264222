/// Term frequency × inverse document frequency (Spärck Jones 1972, "A statistical interpretation of term
/// specificity and its application in retrieval", Journal of Documentation 28(1); Salton & Buckley 1988), where
/// the "documents" are whatever units are compared: here, cases.
///
/// tf = count in the unit / tokens in the unit; idf = ln((1 + N) / (1 + df)) + 1 with N units and df of them
/// holding the word (the smoothed form, which stays positive when a word is in every unit or there is one unit).
public enum TFIDF {
    /// The smoothed inverse document frequency of a word found in `containing` of `units` units.
    public static func inverseDocumentFrequency(units: Int, containing: Int) -> Double {
        (Double(1 + units) / Double(1 + containing)).logNatural + 1
    }

    /// tf · idf for a word occurring `count` times among `tokens` tokens of a unit.
    public static func score(count: Int, tokens: Int, inverseDocumentFrequency: Double) -> Double {
        guard tokens > 0 else { return 0 }
        return Double(count) / Double(tokens) * inverseDocumentFrequency
    }
}
