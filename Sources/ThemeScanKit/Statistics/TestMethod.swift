/// Which significance test produced a p-value; `rawValue` is how tables name it.
public enum TestMethod: String, Sendable, Hashable, CaseIterable {
    /// Log-likelihood G² of rates across groups (Rayson & Garside 2000).
    case logLikelihood = "g2"
    /// Pearson's chi-square test of independence, without continuity correction.
    case chiSquare = "chi2"
    /// Fisher's exact test, two-sided.
    case fisher
}
