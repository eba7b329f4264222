import CICU

/// Finds sentences where ICU's sentence break iterator finds them (locale zh: 。！？ end sentences as . ! ? do, and
/// so do line breaks).
///
/// Text without a full stop is read here by the same rules (`boundariesWithoutFullStops`), faster than ICU reads
/// it; other text goes to ICU's iterator. Holds an ICU handle: give each worker its own segmenter.
public final class SentenceSegmenter {
    private let handle: OpaquePointer
    /// Whether text without full stops is read by `boundariesWithoutFullStops` rather than by ICU: for the
    /// locale whose rules it follows, which tests hold it to.
    private let readsWithoutFullStops: Bool
    /// Built once, on first use, and shared by every segmenter.
    private static let table = SentenceBreakTable()

    public init(locale: String = "zh") throws(TextError) {
        var status: Int32 = 0
        guard let handle = cicu_sentence_breaker_open(locale, &status) else {
            throw .icu(operation: "opening sentence break iterator", status: status)
        }
        self.handle = handle
        readsWithoutFullStops = locale == "zh"
    }

    deinit {
        cicu_sentence_breaker_close(handle)
    }

    /// The sentences of `text` as Unicode scalar ranges, in order, covering the whole text; each sentence keeps
    /// the spaces and line break that follow it, as ICU reports them.
    public func sentences(in text: String) throws(TextError) -> [Range<Int>] {
        let units = text.utf16Units
        guard !units.isEmpty else { return [] }
        let boundaries = try self.boundaries(in: units)
        let offsets = ScalarOffsetMap(units: units)
        let scalars = boundaries.map { offsets.scalarOffset(ofUTF16: $0) }
        return zip(scalars, scalars.dropFirst()).map { $0..<$1 }
    }

    /// The sentence boundaries of UTF-16 text: offsets in ascending order, 0 and `units.count` included.
    public func boundaries(in units: [UInt16]) throws(TextError) -> [Int] {
        guard !units.isEmpty else { return [0] }
        if readsWithoutFullStops, let found = Self.boundariesWithoutFullStops(in: units, table: Self.table) {
            return found
        }
        return try icuBoundaries(in: units)
    }

    /// The sentence boundaries of non-empty UTF-16 text as ICU's iterator finds them.
    func icuBoundaries(in units: [UInt16]) throws(TextError) -> [Int] {
        try ICU.offsets(initialCapacity: units.count / 16 + 2, operation: "finding sentences") { output, status in
            units.withUnsafeBufferPointer { buffer in
                cicu_sentence_breaker_boundaries(
                    handle, buffer.baseAddress, Int32(buffer.count), output.baseAddress, Int32(output.count), &status)
            }
        }.map(Int.init)
    }

    /// The sentence boundaries of text that has no ATerm character (full stop: `.` and its variants), as UAX #29
    /// and ICU find them, or nil for text that has one.
    ///
    /// Every turn with a match is cut into sentences for its rows, and ICU's iterator cost about 10 ns a
    /// character, a thirtieth of a run. Without a full stop the rules come down to these: a sentence ends after a
    /// paragraph separator (CR LF, CR, LF, Sep), and after an STerm (。！？ ! ? …) with the Close characters,
    /// then the spaces, and then one paragraph separator that follow it (SB9 to SB11), unless what follows those
    /// is SContinue or another STerm (SB8a); Extend and Format characters go with the character before them
    /// (SB5). Full stops bring in the rules about case and numbers (SB6 to SB8), which are left to ICU.
    static func boundariesWithoutFullStops(in units: [UInt16], table: SentenceBreakTable) -> [Int]? {
        units.withUnsafeBufferPointer { units -> [Int]? in
            var boundaries = [0]
            let count = units.count
            var index = 0
            // Moves past characters of the given kinds, and any Extend and Format among them.
            func skip(_ kinds: (SentenceBreakTable.Value) -> Bool) {
                while index < count {
                    let (value, length) = table.value(in: units, at: index)
                    guard kinds(value) || value == .extend || value == .format else { return }
                    index += length
                }
            }
            // One paragraph separator, CR LF as one.
            func skipSeparator() {
                guard index < count else { return }
                let (value, length) = table.value(in: units, at: index)
                switch value {
                case .cr:
                    index += length
                    if index < count, units[index] == 0x0A { index += 1 }
                case .lf, .sep:
                    index += length
                default:
                    break
                }
            }
            while index < count {
                let (value, length) = table.value(in: units, at: index)
                switch value {
                case .aTerm:
                    return nil
                case .cr, .lf, .sep:
                    skipSeparator()
                    if index < count { boundaries.append(index) }
                case .sTerm:
                    index += length
                    skip { $0 == .close }
                    skip { $0 == .sp }
                    if index < count {
                        let (next, _) = table.value(in: units, at: index)
                        if next == .sContinue || next == .sTerm || next == .aTerm { continue }
                    }
                    skipSeparator()
                    if index < count { boundaries.append(index) }
                default:
                    index = table.nextStop(in: units, from: index + length)
                }
            }
            boundaries.append(count)
            return boundaries
        }
    }
}
