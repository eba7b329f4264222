/// The chi-square distribution with k degrees of freedom, for the p-values of G² and Pearson's X².
///
/// Its cumulative distribution is F(x) = P(k/2, x/2) and its survival function (the p-value of a statistic x)
/// Q(k/2, x/2), the regularized incomplete gamma functions (Abramowitz & Stegun 26.4.19; Numerical Recipes 3rd
/// ed. §6.2). The survival function is computed directly, so p-values far below 1e-16 keep their relative accuracy.
public struct ChiSquareDistribution: Sendable, Equatable {
    public let degreesOfFreedom: Int

    /// A distribution with at least one degree of freedom.
    public init(degreesOfFreedom: Int) {
        precondition(degreesOfFreedom >= 1, "a chi-square distribution needs at least one degree of freedom")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(X ≥ x), the p-value of a statistic x: 1 for x ≤ 0, 0 for x = +∞ (or once it underflows), NaN for NaN.
    public func survival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 1 }
        return GammaFunction.regularizedUpperGamma(Double(degreesOfFreedom) / 2, x / 2)
    }

    /// P(X ≤ x): 0 for x ≤ 0, NaN for NaN.
    public func cumulative(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 0 }
        return GammaFunction.regularizedLowerGamma(Double(degreesOfFreedom) / 2, x / 2)
    }
}
