/// Puts short labels (speaker names) into comparison form: NFKC case folding, Traditional Chinese as Simplified,
/// whitespace runs as one space, no whitespace at the ends.
///
/// `TextNormalizer` does the same to document text, but it needs a `TraditionalCharacterSet`, which is built by
/// asking ICU about every character Hant-Hans may change: worth it once per run for megabytes of text, far too
/// costly for the handful of labels one file has, and a reader must stay `Sendable` and make no run-wide state.
/// Labels are a few characters, so the whole label goes through Hant-Hans; its neighbour-dependent rewrites touch
/// labels and interviewer lists alike, so both sides still compare equal. One folder holds one ICU handle: make
/// one per document, not per label.
final class LabelFolder {
    private let transliterator: Transliterator?

    init() {
        // Without Hant-Hans (ICU data missing) labels still compare after case folding; the matcher would have
        // failed the run long before a transcript is read.
        transliterator = try? Transliterator(id: "Hant-Hans")
    }

    /// The comparison form of `label`.
    func key(_ label: String) -> String {
        var units = Array(label.utf16)
        if let folded = try? TextNormalizer.fold(units) { units = folded.units }
        if let transliterator, let simplified = try? transliterator.apply(to: units) { units = simplified }
        var key = ""
        var pendingSpace = false
        for scalar in String(decoding: units, as: UTF16.self).unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !key.isEmpty
                continue
            }
            if pendingSpace { key.unicodeScalars.append(" ") }
            pendingSpace = false
            key.unicodeScalars.append(scalar)
        }
        return key
    }
}
