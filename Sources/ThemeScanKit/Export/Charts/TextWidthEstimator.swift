import CICU

/// Estimates how wide a string is drawn at a font size, so chart boxes and label columns can be laid out without a
/// font.
///
/// The charts name a font stack rather than embed a font, and no font-metrics library is available to ThemeScan
/// (it runs offline, and the fonts it names are usually not installed where it runs), so the advances are written
/// here by hand:
///
/// - Characters that East Asian fonts draw full width (Han, kana, hangul, full-width punctuation, and what UAX #11
///   calls ambiguous, which the CJK fonts at the head of the stack draw full width too) take exactly 1 em; ICU
///   gives the East Asian Width.
/// - Printable ASCII takes Helvetica's advances (Arial has the same), at least `narrowestAdvance`, multiplied by
///   `proportionalSafety`. The Latin letters of the fonts the stack names, and of DejaVu Sans, which a Linux
///   browser falls back to, are wider than Helvetica's: up to 15% for ordinary words and more for i, j, l and
///   the apostrophe. With the defaults, English labels measured in Noto Sans CJK SC and DejaVu Sans come out
///   a few percent narrower than estimated, never wider.
/// - Half-width forms take 0.5 em, combining marks and format characters nothing, and any other character
///   `otherAdvance`, about the widest common Latin letter.
///
/// Advances are summed without kerning, so the width of a concatenation is the sum of the widths of its parts.
public struct TextWidthEstimator: Sendable, Hashable {
    /// How far the tallest glyphs rise above the baseline, in em; CJK ideographs reach about 0.88.
    public static let ascent = 0.9
    /// How far descenders reach below the baseline, in em; Latin descenders reach about 0.21.
    public static let descent = 0.22

    /// The factor applied to proportional (non-CJK) advances, so estimates err on the wide side.
    public var proportionalSafety: Double
    /// The least advance, in em before `proportionalSafety`, of a printable ASCII character.
    public var narrowestAdvance: Double
    /// The advance, in em before `proportionalSafety`, of characters outside ASCII that are not full width.
    public var otherAdvance: Double

    public init(proportionalSafety: Double = 1.2, narrowestAdvance: Double = 0.26, otherAdvance: Double = 0.7) {
        self.proportionalSafety = proportionalSafety
        self.narrowestAdvance = narrowestAdvance
        self.otherAdvance = otherAdvance
    }

    /// The width of `text` at `fontSize`, in the same unit as `fontSize`.
    public func width(of text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += advance(of: scalar)
        }
        return ems * fontSize
    }

    /// The advance of one character, in em.
    public func advance(of scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        if value >= 0x20, value < 0x7F {
            return max(Self.asciiAdvances[Int(value - 0x20)], narrowestAdvance) * proportionalSafety
        }
        if value == 0x09 { return max(Self.asciiAdvances[0], narrowestAdvance) * proportionalSafety }
        switch scalar.properties.generalCategory {
        case .control, .format, .nonspacingMark, .enclosingMark, .lineSeparator, .paragraphSeparator:
            return 0
        default:
            break
        }
        switch cicu_east_asian_width(value) {
        case Self.wide, Self.fullwidth, Self.ambiguous: return 1
        case Self.halfwidth: return 0.5
        default: return otherAdvance * proportionalSafety
        }
    }

    // ICU's UEastAsianWidth values.
    private static let ambiguous: Int32 = 1
    private static let halfwidth: Int32 = 2
    private static let fullwidth: Int32 = 3
    private static let wide: Int32 = 5

    /// Helvetica's advances for U+0020 through U+007E, in em (its AFM widths divided by 1000).
    private static let asciiAdvances: [Double] = [
        // space ! " # $ % & ' ( ) * + , - . /
        0.278, 0.278, 0.355, 0.556, 0.556, 0.889, 0.667, 0.191, 0.333, 0.333, 0.389, 0.584, 0.278, 0.333, 0.278, 0.278,
        // 0 … 9
        0.556, 0.556, 0.556, 0.556, 0.556, 0.556, 0.556, 0.556, 0.556, 0.556,
        // : ; < = > ? @
        0.278, 0.278, 0.584, 0.584, 0.584, 0.556, 1.015,
        // A … Z
        0.667, 0.667, 0.722, 0.722, 0.667, 0.611, 0.778, 0.722, 0.278, 0.500, 0.667, 0.556, 0.833,
        0.722, 0.778, 0.667, 0.778, 0.722, 0.667, 0.611, 0.722, 0.667, 0.944, 0.667, 0.667, 0.611,
        // [ \ ] ^ _ `
        0.278, 0.278, 0.278, 0.469, 0.556, 0.333,
        // a … z
        0.556, 0.556, 0.500, 0.556, 0.556, 0.278, 0.556, 0.556, 0.222, 0.222, 0.500, 0.222, 0.833,
        0.556, 0.556, 0.556, 0.556, 0.333, 0.500, 0.278, 0.556, 0.500, 0.722, 0.500, 0.500, 0.500,
        // { | } ~
        0.334, 0.260, 0.334, 0.584,
    ]
}
