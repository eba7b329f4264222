/// Hardie's Log Ratio effect size (Hardie 2014, "Log Ratio — an informal introduction", CASS): the binary log of
/// the ratio of relative frequencies, log2((a/c) / (b/d)).
///
/// Each doubling of relative frequency adds one. A zero count is taken as 0.5, the usual adjustment, so a word
/// absent from one corpus still gets a finite value.
public enum LogRatio {
    /// log2 of the target's relative frequency over the reference's; 0 when either has no tokens.
    public static func value(targetCount: Int, targetTotal: Int, referenceCount: Int, referenceTotal: Int) -> Double {
        guard targetTotal > 0, referenceTotal > 0 else { return 0 }
        let a = targetCount == 0 ? 0.5 : Double(targetCount)
        let b = referenceCount == 0 ? 0.5 : Double(referenceCount)
        return ((a / Double(targetTotal)) / (b / Double(referenceTotal))).logBinary
    }

    /// The log ratio of the target against the reference, or nil when there is nothing to compare: either side
    /// has no tokens, or neither has an occurrence (where `value` would give log2 of the token ratio).
    public static func comparison(targetCount: Int, targetTotal: Int, referenceCount: Int, referenceTotal: Int) -> Double? {
        guard targetTotal > 0, referenceTotal > 0, targetCount > 0 || referenceCount > 0 else { return nil }
        return value(
            targetCount: targetCount, targetTotal: targetTotal, referenceCount: referenceCount,
            referenceTotal: referenceTotal)
    }
}
