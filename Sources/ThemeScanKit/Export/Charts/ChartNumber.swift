/// Number formatting for SVG charts: fixed precision, no locale, no exponent, so the same chart is always the
/// same bytes.
enum ChartNumber {
    /// `value` rounded to `decimals` places (0 to 3), without trailing zeros: 12, 12.5, -0.3; never `-0`.
    static func format(_ value: Double, decimals: Int = 1) -> String {
        guard value.isFinite else { return "0" }
        let scale = [1, 10, 100, 1000][min(max(decimals, 0), 3)]
        let scaled = Int((value * Double(scale)).rounded())
        let magnitude = scaled.magnitude
        var text = String(magnitude / UInt(scale))
        let fraction = magnitude % UInt(scale)
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: String(scale).count - 1 - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return scaled < 0 ? "-" + text : text
    }

    /// `value` rounded to a multiple of 0.1, as `format` prints it: positions and sizes are snapped before they
    /// are used, so what is drawn is exactly what was laid out.
    static func snapped(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
