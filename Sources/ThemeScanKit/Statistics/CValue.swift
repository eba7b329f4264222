/// The C-value of a multi-word term candidate (Frantzi, Ananiadou & Mima 2000, "Automatic recognition of
/// multi-word terms: the C-value/NC-value method", International Journal on Digital Libraries 3(2)).
///
/// C(a) = log2|a| · f(a) when a is nested in no longer candidate, and
/// C(a) = log2|a| · (f(a) − (1 / P(T_a)) · Σ_{b ∈ T_a} f(b)) otherwise, where |a| is the length of a in words,
/// f its frequency, T_a the longer candidates that contain a and P(T_a) their number. A string that occurs only
/// inside one longer term scores zero, so 心理健康 always written as part of 心理健康教育 does not outrank it.
/// Following the paper's algorithm, candidates are scored longest first and a longer candidate b that is itself
/// nested contributes f(b) − t(b) to the sum, t(b) being its own nested frequency, so an occurrence nested two
/// levels deep is subtracted once; a b with no occurrences of its own (f(b) = t(b)) is left out of T_a.
public enum CValue {
    /// The C-value of a candidate of `length` words (at least 2) occurring `frequency` times, nested in
    /// `nestingCount` longer candidates whose (non-nested) frequencies add up to `nestingFrequency`.
    public static func score(length: Int, frequency: Int, nestingCount: Int, nestingFrequency: Int) -> Double {
        let weight = Double(max(length, 1)).logBinary
        guard nestingCount > 0 else { return weight * Double(frequency) }
        return weight * (Double(frequency) - Double(nestingFrequency) / Double(nestingCount))
    }
}
