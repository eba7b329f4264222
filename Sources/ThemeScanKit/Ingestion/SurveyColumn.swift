/// One column of a survey table: what its header says and what role the layout gives it.
public struct SurveyColumn: Sendable, Hashable {
    /// 0-based position in the row.
    public var index: Int
    /// The header as written (for Qualtrics, the question text row), trimmed; used as the segment speaker.
    public var header: String
    /// The header made unique within the table (`_2`, `_3` on repeats); the metadata key and a name
    /// `--text-column` accepts.
    public var key: String
    /// Another name the column answers to: the Qualtrics short name such as `Q1`.
    public var alias: String?
    /// Whether the platform wrote the column for its own bookkeeping (submission time, IP, duration, …).
    public var isPlatformMetadata: Bool
    /// Whether the layout's answer conventions apply (Wenjuanxing question columns: `┋`, `〖…〗`, `-2`/`-3`).
    public var holdsCodedAnswers: Bool

    public init(
        index: Int, header: String, key: String, alias: String? = nil, isPlatformMetadata: Bool = false,
        holdsCodedAnswers: Bool = false
    ) {
        self.index = index
        self.header = header
        self.key = key
        self.alias = alias
        self.isPlatformMetadata = isPlatformMetadata
        self.holdsCodedAnswers = holdsCodedAnswers
    }

    /// The spreadsheet letter of the column: A, B, …, Z, AA, AB, …
    public var letter: String {
        SurveyColumn.letter(forIndex: index)
    }

    /// The letter of the 0-based column `index`.
    public static func letter(forIndex index: Int) -> String {
        var scalars: [Unicode.Scalar] = []
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + digit)))
            rest = (rest - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// The 0-based index a column letter (`A`, `aa`) names; nil when `letters` is not one.
    public static func index(forLetter letters: String) -> Int? {
        guard !letters.isEmpty, letters.unicodeScalars.count <= 4 else { return nil }
        var value = 0
        for scalar in letters.uppercased().unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { return nil }
            value = value * 26 + Int(scalar.value - 64)
        }
        return value - 1
    }

    /// `C "3、您所在项目…"`, the form diagnostics name a column in, header cut to `width` characters.
    func described(width: Int = 40) -> String {
        let shown = header.count > width ? String(header.prefix(width)) + "…" : header
        return "\(letter) \"\(shown)\""
    }
}
