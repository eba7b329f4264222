/// The rule that picks free-text columns when none are named: long, varied answers that are not numbers,
/// dates, addresses or links.
///
/// A column qualifies when it is not platform metadata and its non-empty answers
/// - have a median width of at least `minimumMedianWidth`, counting a Chinese (or other wide) character as two
///   and any other character as one, so ten Latin letters and five Chinese characters weigh the same;
/// - are less than `maximumStructuredShare` numbers, dates, times, durations, IP addresses, e-mail addresses or
///   links;
/// - when there are at least `distinctCheckMinimum` of them, are at least `minimumDistinctShare` distinct, which
///   leaves out single-choice columns and program names that repeat a few long labels.
///
/// Only the first `sampleRows` respondent rows are judged, so that an export of millions of rows can be read as it
/// streams past: the columns are known once those rows are in, and no more rows are held for the choice.
public struct TextColumnRule: Sendable, Hashable {
    /// How many respondent rows, from the first, the choice looks at.
    public static let defaultSampleRows = 10_000

    public var sampleRows: Int
    public var minimumMedianWidth: Int
    public var maximumStructuredShare: Double
    public var minimumDistinctShare: Double
    public var distinctCheckMinimum: Int

    public init(
        minimumMedianWidth: Int = 10, maximumStructuredShare: Double = 0.2, minimumDistinctShare: Double = 0.5,
        distinctCheckMinimum: Int = 5, sampleRows: Int = TextColumnRule.defaultSampleRows
    ) {
        self.sampleRows = sampleRows
        self.minimumMedianWidth = minimumMedianWidth
        self.maximumStructuredShare = maximumStructuredShare
        self.minimumDistinctShare = minimumDistinctShare
        self.distinctCheckMinimum = distinctCheckMinimum
    }

    /// Whether a column with these non-empty answers holds free text.
    public func qualifies(_ answers: [String]) -> Bool {
        guard !answers.isEmpty else { return false }
        let widths = answers.map(Self.width).sorted()
        let median = widths.count % 2 == 1
            ? Double(widths[widths.count / 2])
            : Double(widths[widths.count / 2 - 1] + widths[widths.count / 2]) / 2
        guard median >= Double(minimumMedianWidth) else { return false }
        // Both counts stop as soon as they decide: a survey export's text column has tens of thousands of answers.
        let structuredLimit = maximumStructuredShare * Double(answers.count)
        guard structuredLimit > 0 else { return false }
        var structured = 0
        for answer in answers where Self.isStructured(answer) {
            structured += 1
            if Double(structured) >= structuredLimit { return false }
        }
        guard answers.count >= distinctCheckMinimum else { return true }
        let distinctNeeded = minimumDistinctShare * Double(answers.count)
        var distinct: Set<String> = []
        for answer in answers {
            distinct.insert(answer)
            if Double(distinct.count) >= distinctNeeded { return true }
        }
        return false
    }

    /// The display width of `text`: two for each wide (East Asian) character, one for any other.
    public static func width(_ text: String) -> Int {
        text.reduce(0) { total, character in
            guard let scalar = character.unicodeScalars.first else { return total }
            return total + (isWide(scalar) ? 2 : 1)
        }
    }

    /// Unicode's East Asian Wide and Fullwidth blocks that matter for survey text; Swift exposes no
    /// East_Asian_Width property, and a block list is all this estimate needs.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Whether `value` is a number, date, time, duration, IP address, e-mail address or link rather than prose.
    public static func isStructured(_ value: String) -> Bool {
        // Only the start is compared: lowering every answer whole cost a copy of each.
        if linkPrefixes.contains(where: { startsWith(value, $0) }) { return true }
        // The bytes first: most answers have no @, and looking for one character by character costs a pass of
        // grapheme breaking over each answer.
        if value.utf8.contains(0x40), value.contains("@"), !value.contains(where: \.isWhitespace) { return true }
        if startsWithIPv4Address(value) { return true }
        var hasDigit = false
        for scalar in value.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                hasDigit = true
            } else if !(scalar.properties.isWhitespace || (scalar.isASCII && isPunctuationOrSymbol(scalar))
                || units.contains(scalar))
            {
                return false
            }
        }
        return hasDigit
    }

    /// Digits with separators and the units dates and durations are written with: 2024-03-05 10:22:33,
    /// 2024年3月5日, 120秒, 3.5, 45%. 小 is for 小时.
    private static let units: Set<Unicode.Scalar> = [
        "年", "月", "日", "时", "分", "秒", "点", "号", "周", "天", "小", "h", "m", "s",
    ]

    /// How links start, in lower case.
    private static let linkPrefixes = ["http://", "https://", "www."]

    /// Whether `value` starts with the ASCII `prefix`, ignoring the case of ASCII letters. No other character
    /// lowers to one of the prefixes' letters, so this is `value.lowercased().hasPrefix(prefix)`.
    private static func startsWith(_ value: String, _ prefix: String) -> Bool {
        var bytes = value.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = bytes.next() else { return false }
            let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            if lowered != expected { return false }
        }
        return true
    }

    /// Punctuation and symbol categories (`-`, `:`, `/`, `+`, `%`, …).
    private static func isPunctuationOrSymbol(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func startsWithIPv4Address(_ value: String) -> Bool {
        let head = value.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let parts = head.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 }
    }
}
