import Foundation

/// Fisher's exact test of a 2×2 table, two-sided (Fisher 1935, "The logic of inductive inference", JRSS 98(1);
/// Agresti 2002, Categorical Data Analysis, §3.5).
///
/// With the margins fixed, the top-left cell follows the hypergeometric distribution
/// P(x) = C(c₁, x) · C(n − c₁, r₁ − x) / C(n, r₁) for x from max(0, r₁ + c₁ − n) to min(r₁, c₁). The two-sided
/// p-value is the sum of P(x) over every table no more likely than the observed one, with a relative tolerance of
/// 1e-7 so that tables of equal probability are not lost to rounding (as R's `fisher.test` does). The
/// probabilities are computed as logs of factorials and scaled by the most likely table before exponentiating,
/// so tables of thousands of cases neither overflow nor underflow.
public enum FisherExactTest {
    /// The relative tolerance under which a table counts as no more likely than the observed one.
    public static let relativeTolerance = 1e-7

    /// The two-sided p-value of the table [[a, b], [c, d]] (rows are groups, columns outcomes).
    public static func twoSidedP(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        precondition(a >= 0 && b >= 0 && c >= 0 && d >= 0, "a contingency table holds no negative counts")
        let firstRow = a + b
        let firstColumn = a + c
        let total = a + b + c + d
        let lowest = max(0, firstRow + firstColumn - total)
        let highest = min(firstRow, firstColumn)
        guard highest > lowest else { return 1 }
        // ln C(c₁, x) + ln C(n − c₁, r₁ − x) without the constant ln C(n, r₁), which the normalisation removes.
        func logWeight(_ x: Int) -> Double {
            -GammaFunction.logFactorial(x) - GammaFunction.logFactorial(firstColumn - x)
                - GammaFunction.logFactorial(firstRow - x) - GammaFunction.logFactorial(total - firstColumn - firstRow + x)
        }
        let logWeights = (lowest...highest).map(logWeight)
        let largest = logWeights.max() ?? 0
        let weights = logWeights.map { exp($0 - largest) }
        let sum = weights.reduce(0, +)
        let observed = weights[a - lowest]
        let threshold = observed * (1 + relativeTolerance)
        let tail = weights.filter { $0 <= threshold }.reduce(0, +)
        return min(1, tail / sum)
    }
}
