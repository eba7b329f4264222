import CICU

/// Per-character replacements applied after case folding: Traditional→Simplified Chinese and apostrophe forms.
///
/// ICU's Hant-Hans transliterator is asked once, at start-up, how it converts each character it can change; the
/// answers form a table, so conversion costs a lookup only for characters that change and nothing for the rest
/// (the transliterator itself runs at about 5 MB/s). Each character converts on its own, which keeps offsets
/// exact and does not change the result: the Hant-Hans rules are single-character mappings (a test compares the
/// table with the transliterator on a whole text).
public struct ReplacementTable: Sendable {
    private var replacements: [UInt32: [UInt16]]

    /// Characters with no replacement are left alone: an empty table changes nothing.
    public init(replacements: [UInt32: [UInt16]] = [:]) {
        self.replacements = replacements
    }

    /// The table used to prepare text for matching.
    ///
    /// - Parameter simplifyChinese: whether Traditional Chinese characters become Simplified ones.
    public static func standard(simplifyChinese: Bool) throws(TextError) -> ReplacementTable {
        var table = ReplacementTable()
        if simplifyChinese {
            table = try traditionalToSimplified()
        }
        // Curly and modifier apostrophes are written interchangeably with the ASCII one.
        for apostrophe: UInt32 in [0x2018, 0x2019, 0x02BC, 0x2032] {
            table.replacements[apostrophe] = [0x27]
        }
        return table
    }

    /// The replacement for a scalar, or nil when it stays as it is.
    @inline(__always)
    public func replacement(for value: UInt32) -> [UInt16]? {
        replacements[value]
    }

    /// Whether the table changes nothing.
    public var isEmpty: Bool { replacements.isEmpty }

    private static func traditionalToSimplified() throws(TextError) -> ReplacementTable {
        let transliterator = try Transliterator(id: "Hant-Hans")
        var table = ReplacementTable()
        for value in try transliterator.sourceSet() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let input = Array(String(scalar).utf16)
            let output = try transliterator.apply(to: input)
            if output != input { table.replacements[value] = output }
        }
        return table
    }
}
