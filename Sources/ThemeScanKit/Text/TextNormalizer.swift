import CICU

/// Puts text into matching form: NFKC with full case folding (ICU's NFKC_Casefold), curly apostrophes as straight
/// ones, and Traditional Chinese as Simplified.
///
/// Patterns and documents go through the same steps, which is what makes `ＰＴＳＤ` match `ptsd`, `Straße` match
/// `strasse` and 抑鬱 match 抑郁. Holds ICU handles: each worker makes its own normalizer.
public final class TextNormalizer {
    public let options: NormalizationOptions
    private let simplifier: ChineseSimplifier?

    /// A normalizer; give it the run's `TraditionalCharacterSet` to spare finding it again.
    public init(options: NormalizationOptions, traditional: TraditionalCharacterSet? = nil) throws(TextError) {
        self.options = options
        if options.simplifyChinese {
            let characters: TraditionalCharacterSet
            if let traditional { characters = traditional } else { characters = try TraditionalCharacterSet() }
            simplifier = try ChineseSimplifier(traditional: characters)
        } else {
            simplifier = nil
        }
    }

    public convenience init(simplifyChinese: Bool) throws(TextError) {
        try self.init(options: NormalizationOptions(simplifyChinese: simplifyChinese))
    }

    /// Normalizes UTF-16 text, keeping the map back to it.
    public func normalize(_ text: [UInt16]) throws(TextError) -> NormalizedText {
        let folded = try Self.fold(text)
        let edits = try replacements(in: folded.units)
        return edits.isEmpty ? folded : Self.applying(edits, to: folded)
    }

    /// Normalizes a string; for patterns and tests.
    public func normalize(_ text: String) throws(TextError) -> NormalizedText {
        try normalize(text.utf16Units)
    }

    static func fold(_ text: [UInt16]) throws(TextError) -> NormalizedText {
        // NFKC_Casefold rarely grows text by much; the rare long expansions (U+FDFA …) retry with more room.
        var capacity = text.count + text.count / 4 + 16
        while true {
            var status: Int32 = 0
            var length = 0
            var starts: [Int32] = []
            var ends: [Int32] = []
            // ICU writes every unit and offset it reports, so the arrays are not filled beforehand: that wrote as much
            // memory again as the folding itself.
            let units = [UInt16](unsafeUninitializedCapacity: capacity) { output, unitCount in
                starts = [Int32](unsafeUninitializedCapacity: capacity) { startsBuffer, startCount in
                    ends = [Int32](unsafeUninitializedCapacity: capacity) { endsBuffer, endCount in
                        var produced: Int32 = 0
                        status = text.withUnsafeBufferPointer { source in
                            cicu_fold(
                                source.baseAddress, Int32(source.count), output.baseAddress, startsBuffer.baseAddress,
                                endsBuffer.baseAddress, Int32(capacity), &produced)
                        }
                        // Nothing is kept of a failed or cut-short fold.
                        length = status == 0 ? Int(produced) : 0
                        endCount = length
                    }
                    startCount = length
                }
                unitCount = length
            }
            if status == CICU_BUFFER_TOO_SMALL {
                capacity *= 2
                continue
            }
            guard status == 0 else { throw .icu(operation: "normalizing", status: status) }
            return NormalizedText(units: units, originalStarts: starts, originalEnds: ends)
        }
    }

    /// A replacement of a stretch of folded text.
    private struct Edit {
        var range: Range<Int>
        var replacement: [UInt16]
    }

    /// The stretches to replace, in order: apostrophes, and Han runs the simplifier changes.
    private func replacements(in units: [UInt16]) throws(TextError) -> [Edit] {
        guard mayNeedReplacements(units) else { return [] }
        var edits: [Edit] = []
        // The starts of the last `simplificationContext` scalars of the current Han run, as a ring: one array for
        // the whole text rather than one per run (a run ends at every punctuation mark).
        var recent = [Int](repeating: 0, count: Self.simplificationContext)
        var index = 0
        while index < units.count {
            let (value, length) = scalarValue(in: units, at: index)
            switch value {
            case 0x2018, 0x2019, 0x02BC, 0x2032:
                // Curly and modifier apostrophes are written interchangeably with the ASCII one.
                edits.append(Edit(range: index..<(index + length), replacement: [0x27]))
                index += length
                continue
            default:
                break
            }
            guard let simplifier, ChineseSimplifier.isHan(value) else {
                index += length
                continue
            }
            // Only the neighbourhood of each Traditional-only character goes to the transliterator: a long run
            // (a page of Han text without punctuation) would otherwise be converted whole for one such character.
            var end = index
            var window: Range<Int>? = nil
            var scalarsSinceWindow = 0
            var recentCount = 0
            while end < units.count {
                let (next, nextLength) = scalarValue(in: units, at: end)
                guard ChineseSimplifier.isHan(next) else { break }
                if simplifier.traditional.contains(next) {
                    // The oldest start kept: the run's first until the ring is full, then the next to be overwritten.
                    let context = Self.simplificationContext
                    let start = recentCount == 0 ? end : recent[recentCount < context ? 0 : recentCount % context]
                    if let open = window, start <= open.upperBound {
                        window = open.lowerBound..<(end + nextLength)
                    } else {
                        if let open = window { try simplify(units, open, with: simplifier, into: &edits) }
                        window = start..<(end + nextLength)
                    }
                    scalarsSinceWindow = 0
                } else if let open = window {
                    scalarsSinceWindow += 1
                    if scalarsSinceWindow <= Self.simplificationContext { window = open.lowerBound..<(end + nextLength) }
                }
                recent[recentCount % Self.simplificationContext] = end
                recentCount += 1
                end += nextLength
            }
            if let open = window { try simplify(units, open, with: simplifier, into: &edits) }
            index = end
        }
        return edits
    }

    /// Whether `units` has anything `replacements` might replace: an apostrophe to unify, or a Traditional-only
    /// character (any surrogate pair too, rather than decode it here).
    ///
    /// Most text is Simplified and has neither. One tight pass over the units settles that, where the full scan
    /// decoded every scalar and kept the ring of each Han run's recent characters.
    private func mayNeedReplacements(_ units: [UInt16]) -> Bool {
        let traditional = simplifier?.traditional
        return units.withUnsafeBufferPointer { units in
            for unit in units {
                switch unit {
                case 0x2018, 0x2019, 0x02BC, 0x2032:
                    return true
                case 0xD800..<0xE000:
                    if traditional != nil { return true }
                default:
                    if let traditional, traditional.contains(UInt32(unit)) { return true }
                }
            }
            return false
        }
    }

    /// Han characters kept on either side of a Traditional-only one when it is converted: more than the longest
    /// phrase rule of Hant-Hans (甚麼 → 什么), so rules that look at neighbours still see them.
    static let simplificationContext = 8

    /// Adds the edit that simplifies `units[range]`, if it changes anything.
    private func simplify(
        _ units: [UInt16], _ range: Range<Int>, with simplifier: ChineseSimplifier, into edits: inout [Edit]
    ) throws(TextError) {
        let run = units[range]
        let simplified = try simplifier.simplify(run)
        if !simplified.elementsEqual(run) { edits.append(Edit(range: range, replacement: simplified)) }
    }

    /// The text with edits applied; a replaced scalar maps to the original of the scalar it replaced, or, when an
    /// edit changed the number of scalars, every unit of the edit maps to the edit's whole original range.
    private static func applying(_ edits: [Edit], to text: NormalizedText) -> NormalizedText {
        var units: [UInt16] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        units.reserveCapacity(text.units.count)
        starts.reserveCapacity(text.units.count)
        ends.reserveCapacity(text.units.count)
        func copy(_ range: Range<Int>) {
            units += text.units[range]
            starts += text.originalStarts[range]
            ends += text.originalEnds[range]
        }
        var cursor = 0
        for edit in edits {
            copy(cursor..<edit.range.lowerBound)
            let inputScalars = scalarRanges(text.units, edit.range)
            let outputScalars = scalarRanges(edit.replacement, 0..<edit.replacement.count)
            if inputScalars.count == outputScalars.count {
                for (input, output) in zip(inputScalars, outputScalars) {
                    for unit in output {
                        units.append(edit.replacement[unit])
                        starts.append(text.originalStarts[input.lowerBound])
                        ends.append(text.originalEnds[input.upperBound - 1])
                    }
                }
            } else {
                let start = text.originalStarts[edit.range.lowerBound]
                let end = text.originalEnds[edit.range.upperBound - 1]
                for unit in edit.replacement {
                    units.append(unit)
                    starts.append(start)
                    ends.append(end)
                }
            }
            cursor = edit.range.upperBound
        }
        copy(cursor..<text.units.count)
        return NormalizedText(units: units, originalStarts: starts, originalEnds: ends)
    }

    /// The UTF-16 ranges of the scalars in part of a text.
    private static func scalarRanges(_ units: [UInt16], _ range: Range<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let step = UTF16.isLeadSurrogate(units[index]) && index + 1 < range.upperBound ? 2 : 1
            ranges.append(index..<(index + step))
            index += step
        }
        return ranges
    }
}
