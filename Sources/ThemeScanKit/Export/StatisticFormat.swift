import Foundation

/// How the comparison tables write numbers: fixed decimals per kind, so files diff cleanly and read the same in
/// every spreadsheet; an empty field for a value that does not exist.
///
/// | value | format | example |
/// |---|---|---|
/// | rate per 10,000 tokens | 2 decimals | `12.50` |
/// | case percentage, percentage points, %DIFF | 1 decimal | `19.4`, `-3.0`, `260.0` |
/// | G², log ratio | 3 decimals | `14.443`, `1.848` |
/// | p-value | 4 significant digits (`%.4g`), so tiny values keep theirs | `0.0001444`, `9.505e-111`, `1` |
///
/// A rounded negative zero is written without its sign. Infinities cannot arise (zero counts are replaced by
/// 0.5 in the effect sizes) but would be written `inf` and `-inf`.
public enum StatisticFormat {
    /// Occurrences per 10,000 tokens.
    public static func per10k(_ value: Double?) -> String { fixed(value, decimals: 2) }

    /// A percentage, a difference in percentage points or %DIFF.
    public static func percent(_ value: Double?) -> String { fixed(value, decimals: 1) }

    /// G² or another test statistic.
    public static func statistic(_ value: Double?) -> String { fixed(value, decimals: 3) }

    /// A log ratio.
    public static func logRatio(_ value: Double?) -> String { fixed(value, decimals: 3) }

    /// A p-value.
    public static func p(_ value: Double?) -> String {
        guard let value else { return "" }
        guard value.isFinite else { return nonFinite(value) }
        return String(format: "%.4g", value)
    }

    private static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value else { return "" }
        guard value.isFinite else { return nonFinite(value) }
        let text = String(format: "%.\(decimals)f", value)
        // -0.0004 rounds to "-0.000"; the sign would suggest a direction that is not there.
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
    }
}
