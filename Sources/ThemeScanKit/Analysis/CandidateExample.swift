/// The sentence in which an n-gram was first seen, in original text, with where the n-gram lies in it.
public struct CandidateExample: Sendable, Hashable {
    /// The document's place in the run's input order (rows of a spreadsheet ordered within their file); the earliest
    /// document's example is kept.
    public var document: Int
    /// The sentence as written, trimmed of surrounding spaces; never holds a line break.
    public var sentence: String
    /// The n-gram's UTF-16 range in `sentence`.
    public var range: Range<Int>

    public init(document: Int, sentence: String, range: Range<Int>) {
        self.document = document
        self.sentence = sentence
        self.range = range
    }

    /// The sentence, cut to at most `limit` characters (Unicode scalars) around the n-gram, with `…` where cut.
    public func excerpt(limit: Int = 80) -> String {
        let units = Array(sentence.utf16)
        let scalars = ScalarOffsetMap(units: units)
        let start = scalars.scalarOffset(ofUTF16: range.lowerBound)
        let end = scalars.scalarOffset(ofUTF16: range.upperBound)
        let all = Array(sentence.unicodeScalars)
        guard all.count > limit else { return sentence.replacingTabs() }
        // Room left for context once the n-gram and two ellipses are in; split evenly, unused room to the other side.
        let room = max(0, limit - (end - start) - 2)
        var left = min(start, room / 2)
        let right = min(all.count - end, room - left)
        left = min(start, room - right)
        var view = String.UnicodeScalarView()
        if start - left > 0 { view.append("…") }
        view.append(contentsOf: all[(start - left)..<(end + right)])
        if end + right < all.count { view.append("…") }
        return String(view).replacingTabs()
    }
}

extension String {
    /// Tabs shown as spaces, so one-line CSV cells stay one line to the eye.
    fileprivate func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
