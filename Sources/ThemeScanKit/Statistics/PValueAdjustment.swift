/// How p-values are adjusted for the number of tests made together (one per code or word).
///
/// Tests that were not run (nil, or NaN) are left out: they are neither adjusted nor counted in m.
public enum PValueAdjustment: String, Sendable, Hashable, CaseIterable {
    /// Benjamini & Hochberg 1995 ("Controlling the false discovery rate", JRSS B 57(1)), step-up: with the m
    /// p-values sorted ascending, p̃_(i) = min_{j ≥ i} min(1, m · p_(j) / j), as R's `p.adjust(method = "BH")`.
    case benjaminiHochberg = "bh"
    /// Bonferroni: p̃ = min(1, m · p), controlling the family-wise error rate.
    case bonferroni
    /// No adjustment: p̃ = p.
    case none

    /// The adjusted p-values, in the order given; nil where the input is nil or NaN.
    public func adjusted(_ pValues: [Double?]) -> [Double?] {
        let tested = pValues.indices.filter { pValues[$0].map { !$0.isNaN } ?? false }
        let count = Double(tested.count)
        var adjusted = [Double?](repeating: nil, count: pValues.count)
        switch self {
        case .none:
            for index in tested { adjusted[index] = pValues[index] }
        case .bonferroni:
            for index in tested { adjusted[index] = min(1, count * pValues[index]!) }
        case .benjaminiHochberg:
            // Largest first, carrying the running minimum down, which makes the adjusted values monotone.
            let descending = tested.sorted { pValues[$0]! > pValues[$1]! }
            var runningMinimum = 1.0
            for (offset, index) in descending.enumerated() {
                let rank = count - Double(offset)
                runningMinimum = min(runningMinimum, count * pValues[index]! / rank)
                adjusted[index] = runningMinimum
            }
        }
        return adjusted
    }
}
