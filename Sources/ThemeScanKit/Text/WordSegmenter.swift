import CICU

/// Counts word tokens with ICU's word break iterator (locale zh, which also handles Latin script).
///
/// A token is a segment whose rule status is a number, letter, kana or ideograph status; token counts are the
/// denominators of every rate. Holds an ICU handle: give each worker its own segmenter.
public final class WordSegmenter {
    /// The longest piece of text handed to ICU at once; see `cicu_word_breaker_count`.
    public static let defaultMaximumChunk = 4096

    private let handle: OpaquePointer
    private let maximumChunk: Int

    public init(locale: String = "zh", maximumChunk: Int = WordSegmenter.defaultMaximumChunk) throws(TextError) {
        var status: Int32 = 0
        guard let handle = cicu_word_breaker_open(locale, &status) else {
            throw .icu(operation: "opening word break iterator", status: status)
        }
        self.handle = handle
        self.maximumChunk = maximumChunk
    }

    deinit {
        cicu_word_breaker_close(handle)
    }

    /// The number of word tokens in UTF-16 text.
    public func countWords(in units: [UInt16]) throws(TextError) -> Int {
        var status: Int32 = 0
        let count = units.withUnsafeBufferPointer { buffer in
            cicu_word_breaker_count(handle, buffer.baseAddress, Int32(buffer.count), Int32(maximumChunk), &status)
        }
        guard status == 0 else { throw .icu(operation: "segmenting words", status: status) }
        return Int(count)
    }

    /// The word boundaries of UTF-16 text: offsets in ascending order, 0 and `units.count` included.
    public func boundaries(in units: [UInt16]) throws(TextError) -> [Int] {
        // A text has at most one boundary per unit, and one more: room for that means ICU runs once. Guessing
        // fewer made Chinese text, which has many one-character words, go through ICU twice.
        try ICU.offsets(initialCapacity: units.count + 2, operation: "segmenting words") { output, status in
            units.withUnsafeBufferPointer { buffer in
                cicu_word_breaker_boundaries(
                    handle, buffer.baseAddress, Int32(buffer.count), Int32(maximumChunk), output.baseAddress,
                    Int32(output.count), &status)
            }
        }.map(Int.init)
    }

    /// The word tokens of UTF-16 text, in order: the same tokens `countWords` counts, with where they are.
    public func words(in units: [UInt16]) throws(TextError) -> [WordToken] {
        // A token takes three values and at least one unit, so this is always room enough and ICU runs once.
        // Guessing fewer made a run of Han characters, mostly one-character words, go through ICU twice.
        let values = try ICU.offsets(initialCapacity: units.count * 3 + 3, operation: "segmenting words") {
            output, status in
            units.withUnsafeBufferPointer { buffer in
                cicu_word_breaker_words(
                    handle, buffer.baseAddress, Int32(buffer.count), Int32(maximumChunk), output.baseAddress,
                    Int32(output.count), &status)
            }
        }
        // Written in place: appended one by one, a token cost a third as much again as ICU finding it.
        let count = values.count / 3
        return values.withUnsafeBufferPointer { values in
            [WordToken](unsafeUninitializedCapacity: count) { tokens, initialized in
                for token in 0..<count {
                    let start = Int(values[3 * token])
                    // ICU's boundaries ascend; a malformed pair would be empty rather than trap.
                    let end = max(start, Int(values[3 * token + 1]))
                    (tokens.baseAddress! + token).initialize(
                        to: WordToken(
                            range: Range(uncheckedBounds: (start, end)),
                            kind: WordToken.Kind(rawValue: values[3 * token + 2]) ?? .letters))
                }
                initialized = count
            }
        }
    }
}
