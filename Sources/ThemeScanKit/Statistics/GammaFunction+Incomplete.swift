import Foundation

extension GammaFunction {
    /// Relative accuracy at which the series and the continued fraction stop.
    private static let convergence = Double.ulpOfOne
    /// A number near the smallest representable, standing in for zero in Lentz's method.
    private static let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
    /// More terms than either expansion needs for a up to 10⁴ (both converge in O(√a) terms near x ≈ a).
    private static let maximumTerms = 10_000

    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a), for a > 0 and x ≥ 0.
    ///
    /// Computed as in Numerical Recipes 3rd ed. §6.2 (Abramowitz & Stegun 6.5.29 and 6.5.31): by its series when
    /// x < a + 1 and as 1 − Q(a, x) from the continued fraction otherwise, each where it converges fast.
    public static func regularizedLowerGamma(_ a: Double, _ x: Double) -> Double {
        guard a > 0, !x.isNaN, x >= 0 else { return .nan }
        if x == 0 { return 0 }
        if x < a + 1 { return lowerSeries(a, x) }
        return 1 - upperContinuedFraction(a, x)
    }

    /// The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) = 1 − P(a, x), for a > 0 and x ≥ 0.
    ///
    /// Q is taken from the continued fraction directly when x ≥ a + 1, so a tail probability of 1e-100 keeps its
    /// digits instead of vanishing in 1 − P. For x so large that the result is below the smallest double, 0.
    public static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
        guard a > 0, !x.isNaN, x >= 0 else { return .nan }
        if x == 0 { return 1 }
        if x == .infinity { return 0 }
        if x < a + 1 { return 1 - lowerSeries(a, x) }
        return upperContinuedFraction(a, x)
    }

    /// ln of the common factor e^(−x) · x^a / Γ(a), kept in log space so a large x underflows to 0 instead of
    /// overflowing first.
    private static func logPrefactor(_ a: Double, _ x: Double) -> Double {
        a * x.logNatural - x - logGamma(a)
    }

    /// P(a, x) from the series γ(a, x) = e^(−x) x^a Σ_{n≥0} x^n / (a (a+1) … (a+n)) (A&S 6.5.29, NR eq. 6.2.5).
    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<maximumTerms {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * convergence { break }
        }
        return min(1, sum * exp(logPrefactor(a, x)))
    }

    /// Q(a, x) from the continued fraction Γ(a, x) = e^(−x) x^a (1/(x+1−a−) 1·(1−a)/(x+3−a−) 2·(2−a)/(x+5−a−) …)
    /// (A&S 6.5.31, NR eq. 6.2.7), evaluated by the modified Lentz method (NR §5.2).
    private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let prefactor = logPrefactor(a, x)
        // Below about e^-745 the result is not representable; the fraction itself is at most about 1/(x+1−a).
        if prefactor < -760 { return 0 }
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for index in 1...maximumTerms {
            let numerator = -Double(index) * (Double(index) - a)
            b += 2
            d = numerator * d + b
            if abs(d) < tiny { d = tiny }
            c = b + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let step = d * c
            fraction *= step
            if abs(step - 1) < convergence { break }
        }
        return min(1, exp(prefactor) * fraction)
    }
}
