/// Dunning's log-likelihood ratio G² (Dunning 1993, "Accurate methods for the statistics of surprise and
/// coincidence", Computational Linguistics 19(1)), for collocation and for keyness.
///
/// For a 2×2 table of observed counts O_ij with expected counts E_ij = (row_i · column_j) / N,
/// G² = 2 · Σ O_ij · ln(O_ij / E_ij), where a cell with O_ij = 0 adds nothing. G² is χ²-distributed with one degree of
/// freedom: 3.84 is p < 0.05, 10.83 is p < 0.001.
public enum LogLikelihood {
    /// G² above which an association is significant at p < 0.001.
    public static let significantAt001 = 10.83

    /// G² of a 2×2 contingency table given as its four cells.
    public static func g2(_ o11: Double, _ o12: Double, _ o21: Double, _ o22: Double) -> Double {
        let total = o11 + o12 + o21 + o22
        guard total > 0 else { return 0 }
        let rows = (o11 + o12, o21 + o22)
        let columns = (o11 + o21, o12 + o22)
        func term(_ observed: Double, _ row: Double, _ column: Double) -> Double {
            guard observed > 0 else { return 0 }
            let expected = row * column / total
            return observed * (observed / expected).logNatural
        }
        let sum = term(o11, rows.0, columns.0) + term(o12, rows.0, columns.1) + term(o21, rows.1, columns.0)
            + term(o22, rows.1, columns.1)
        return max(0, 2 * sum)
    }

    /// The association of two adjacent parts x and y: G² of the table of how often xy, x without y, y without x and
    /// neither occur among `positions` places. Zero when xy occurs less often than chance predicts, so only
    /// attraction counts as association.
    public static func association(joint: Int, left: Int, right: Int, positions: Int) -> Double {
        let o11 = Double(joint)
        let o12 = Double(max(0, left - joint))
        let o21 = Double(max(0, right - joint))
        let o22 = Double(max(0, positions - left - right + joint))
        let total = o11 + o12 + o21 + o22
        guard total > 0, o11 * total > (o11 + o12) * (o11 + o21) else { return 0 }
        return g2(o11, o12, o21, o22)
    }

    /// Keyness of a word occurring `targetCount` times in a target corpus of `targetTotal` tokens and
    /// `referenceCount` times in a reference corpus of `referenceTotal` tokens (Rayson & Garside 2000, "Comparing
    /// corpora using frequency profiling"): G² with E1 = c·(a+b)/(c+d), E2 = d·(a+b)/(c+d), signed negative when
    /// the word is relatively rarer in the target than in the reference.
    public static func keyness(targetCount: Int, targetTotal: Int, referenceCount: Int, referenceTotal: Int) -> Double {
        let a = Double(targetCount)
        let b = Double(referenceCount)
        let c = Double(targetTotal)
        let d = Double(referenceTotal)
        guard c > 0, d > 0, a + b > 0 else { return 0 }
        let expectedTarget = c * (a + b) / (c + d)
        let expectedReference = d * (a + b) / (c + d)
        var sum = 0.0
        if a > 0 { sum += a * (a / expectedTarget).logNatural }
        if b > 0 { sum += b * (b / expectedReference).logNatural }
        let g2 = max(0, 2 * sum)
        return a / c < b / d ? -g2 : g2
    }
}
