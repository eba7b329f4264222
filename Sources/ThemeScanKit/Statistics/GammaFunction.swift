import Foundation

/// The logarithm of the gamma function, the building block of the chi-square and hypergeometric probabilities.
///
/// ln Γ(x) by the Lanczos approximation (Lanczos 1964, "A precision approximation of the gamma function", SIAM
/// Journal on Numerical Analysis B 1; Numerical Recipes 3rd ed. §6.1) with Godfrey's coefficients for g = 7,
/// n = 9, which give about 15 significant digits for x ≥ 0.5; smaller x go through the reflection formula
/// Γ(x)·Γ(1 − x) = π / sin(πx) (Abramowitz & Stegun 6.1.17). Written here rather than taken from libm's `lgamma`
/// because the probabilities built on it must not depend on the platform's C library, and the approximation is
/// short enough to check against published values.
public enum GammaFunction {
    /// Lanczos's g and Godfrey's series coefficients (g = 7, n = 9).
    private static let lanczosG = 7.0
    private static let lanczosCoefficients: [Double] = [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ]

    /// ln Γ(x) for x > 0; NaN for x ≤ 0 or NaN, +∞ for x = +∞.
    public static func logGamma(_ x: Double) -> Double {
        guard x > 0 else { return .nan }
        guard x.isFinite else { return x }
        if x < 0.5 {
            return (Double.pi / sin(Double.pi * x)).logNatural - logGamma(1 - x)
        }
        let shifted = x - 1
        var series = lanczosCoefficients[0]
        for index in 1..<lanczosCoefficients.count {
            series += lanczosCoefficients[index] / (shifted + Double(index))
        }
        let t = shifted + lanczosG + 0.5
        return 0.5 * (2 * Double.pi).logNatural + (shifted + 0.5) * t.logNatural - t + series.logNatural
    }

    /// ln n! = ln Γ(n + 1), exact to rounding for 0! and 1!.
    public static func logFactorial(_ n: Int) -> Double {
        precondition(n >= 0, "factorial of a negative number")
        return n < 2 ? 0 : logGamma(Double(n) + 1)
    }
}
