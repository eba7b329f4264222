extension LogLikelihood {
    /// G² of a count's rates across k groups, with its p-value: is the count spread over the groups in
    /// proportion to their sizes?
    ///
    /// Rayson & Garside 2000 ("Comparing corpora using frequency profiling", Workshop on Comparing Corpora, ACL),
    /// generalised to k corpora as on Rayson's log-likelihood calculator (ucrel.lancs.ac.uk/llwizard.html): with
    /// O_i occurrences among N_i tokens in group i, the expected count is E_i = N_i · ΣO / ΣN and
    /// G² = 2 Σ O_i ln(O_i / E_i), a group with O_i = 0 adding nothing. The p-value is the chi-square survival
    /// function with k − 1 degrees of freedom (Dunning 1993). For two groups |G²| equals `keyness`.
    ///
    /// Groups with no tokens have no rate; they are left out (listed in `excludedGroups`), never divided by. The
    /// test is not run when fewer than two groups remain, or when no remaining group has an occurrence.
    public static func rateTest(_ groups: [RateCount]) -> TestOutcome {
        let excluded = groups.indices.filter { groups[$0].tokens <= 0 }
        let kept = groups.indices.filter { groups[$0].tokens > 0 }.map { groups[$0] }
        guard kept.count >= 2 else { return .untested(.fewerThanTwoGroups) }
        let occurrences = kept.reduce(0.0) { $0 + Double($1.occurrences) }
        guard occurrences > 0 else { return .untested(.noOccurrences) }
        let tokens = kept.reduce(0.0) { $0 + Double($1.tokens) }
        var sum = 0.0
        for group in kept where group.occurrences > 0 {
            let observed = Double(group.occurrences)
            let expected = Double(group.tokens) * occurrences / tokens
            sum += observed * (observed / expected).logNatural
        }
        // Rounding can leave a tiny negative sum when the rates are equal.
        let g2 = max(0, 2 * sum)
        let distribution = ChiSquareDistribution(degreesOfFreedom: kept.count - 1)
        return .tested(
            TestResult(
                method: .logLikelihood, statistic: g2, degreesOfFreedom: kept.count - 1,
                p: distribution.survival(g2), excludedGroups: excluded))
    }
}
