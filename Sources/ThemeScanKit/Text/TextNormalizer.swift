import CICU

/// Puts text into matching form: NFKC with full case folding (ICU's NFKC_Casefold), then the replacement table.
///
/// Patterns and documents go through the same normalizer, which is what makes `ＰＴＳＤ` match `ptsd`, `Straße`
/// match `strasse` and 抑鬱 match 抑郁. The normalizer is a value and safe to share between workers.
public struct TextNormalizer: Sendable {
    public let replacements: ReplacementTable

    public init(replacements: ReplacementTable) {
        self.replacements = replacements
    }

    /// A normalizer with the standard replacements.
    public init(simplifyChinese: Bool) throws(TextError) {
        self.init(replacements: try .standard(simplifyChinese: simplifyChinese))
    }

    /// Normalizes UTF-16 text, keeping the map back to it.
    public func normalize(_ text: [UInt16]) throws(TextError) -> NormalizedText {
        let folded = try Self.fold(text)
        guard !replacements.isEmpty else { return folded }
        return applyReplacements(to: folded)
    }

    /// Normalizes a string; for patterns and tests.
    public func normalize(_ text: String) throws(TextError) -> NormalizedText {
        try normalize(Array(text.utf16))
    }

    private static func fold(_ text: [UInt16]) throws(TextError) -> NormalizedText {
        // NFKC_Casefold rarely grows text by much; the rare long expansions (U+FDFA …) retry with more room.
        var capacity = text.count + text.count / 4 + 16
        while true {
            var units = [UInt16](repeating: 0, count: capacity)
            var starts = [Int32](repeating: 0, count: capacity)
            var ends = [Int32](repeating: 0, count: capacity)
            var length: Int32 = 0
            let status = text.withUnsafeBufferPointer { source in
                units.withUnsafeMutableBufferPointer { output in
                    starts.withUnsafeMutableBufferPointer { startsBuffer in
                        ends.withUnsafeMutableBufferPointer { endsBuffer in
                            cicu_fold(
                                source.baseAddress, Int32(source.count), output.baseAddress,
                                startsBuffer.baseAddress, endsBuffer.baseAddress, Int32(capacity), &length)
                        }
                    }
                }
            }
            if status == CICU_BUFFER_TOO_SMALL {
                capacity *= 2
                continue
            }
            guard status == 0 else { throw .icu(operation: "normalizing", status: status) }
            let count = Int(length)
            units.removeSubrange(count...)
            starts.removeSubrange(count...)
            ends.removeSubrange(count...)
            return NormalizedText(units: units, originalStarts: starts, originalEnds: ends)
        }
    }

    private func applyReplacements(to text: NormalizedText) -> NormalizedText {
        var units: [UInt16] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        var changed = false
        text.units.withUnsafeBufferPointer { source in
            var index = 0
            while index < source.count {
                let (value, length) = scalarValue(in: source, at: index)
                if let replacement = replacements.replacement(for: value) {
                    if !changed {
                        // Copy lazily: most text has nothing to replace and keeps its arrays.
                        changed = true
                        units = Array(text.units[..<index])
                        starts = Array(text.originalStarts[..<index])
                        ends = Array(text.originalEnds[..<index])
                        units.reserveCapacity(text.units.count)
                        starts.reserveCapacity(text.units.count)
                        ends.reserveCapacity(text.units.count)
                    }
                    let start = text.originalStarts[index]
                    let end = text.originalEnds[index + length - 1]
                    for unit in replacement {
                        units.append(unit)
                        starts.append(start)
                        ends.append(end)
                    }
                } else if changed {
                    for offset in 0..<length {
                        units.append(source[index + offset])
                        starts.append(text.originalStarts[index + offset])
                        ends.append(text.originalEnds[index + offset])
                    }
                }
                index += length
            }
        }
        guard changed else { return text }
        return NormalizedText(units: units, originalStarts: starts, originalEnds: ends)
    }
}
