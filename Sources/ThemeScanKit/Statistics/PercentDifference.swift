/// The %DIFF effect size (Gabrielatos & Marchi 2012, "Keyness: appropriate metrics and practical issues", CADS
/// International Conference, Bologna): how much more (or less) frequent, in percent, something is in a target
/// than in a reference, %DIFF = (NF_target − NF_reference) · 100 / NF_reference, with NF the normalised frequency
/// (count / tokens).
///
/// A zero count is taken as 0.5, the same adjustment `LogRatio` makes (Hardie 2014), so a word absent from the
/// reference gets a large finite value instead of an infinity, and %DIFF and log ratio always agree in sign:
/// %DIFF = (2^logRatio − 1) · 100.
public enum PercentDifference {
    /// %DIFF of the target against the reference; nil when either has no tokens or neither has an occurrence,
    /// the cases in which there is no difference to measure.
    public static func value(targetCount: Int, targetTotal: Int, referenceCount: Int, referenceTotal: Int) -> Double? {
        guard targetTotal > 0, referenceTotal > 0, targetCount > 0 || referenceCount > 0 else { return nil }
        let target = (targetCount == 0 ? 0.5 : Double(targetCount)) / Double(targetTotal)
        let reference = (referenceCount == 0 ? 0.5 : Double(referenceCount)) / Double(referenceTotal)
        return (target - reference) * 100 / reference
    }
}
