/// Hardie's Log Ratio effect size (Hardie 2014, "Log Ratio — an informal introduction", CASS): the binary log of
/// the ratio of relative frequencies, log2((a/c) / (b/d)).
///
/// Each doubling of relative frequency adds one. A zero count is taken as 0.5, the usual adjustment, so a word
/// absent from one corpus still gets a finite value.
public enum LogRatio {
    public static func value(targetCount: Int, targetTotal: Int, referenceCount: Int, referenceTotal: Int) -> Double {
        guard targetTotal > 0, referenceTotal > 0 else { return 0 }
        let a = targetCount == 0 ? 0.5 : Double(targetCount)
        let b = referenceCount == 0 ? 0.5 : Double(referenceCount)
        return ((a / Double(targetTotal)) / (b / Double(referenceTotal))).logBinary
    }
}
