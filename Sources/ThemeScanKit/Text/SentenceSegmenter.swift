import CICU

/// Finds sentences with ICU's sentence break iterator (locale zh: 。！？ end sentences as . ! ? do, and so do line
/// breaks).
///
/// Holds an ICU handle: give each worker its own segmenter.
public final class SentenceSegmenter {
    private let handle: OpaquePointer

    public init(locale: String = "zh") throws(TextError) {
        var status: Int32 = 0
        guard let handle = cicu_sentence_breaker_open(locale, &status) else {
            throw .icu(operation: "opening sentence break iterator", status: status)
        }
        self.handle = handle
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
        return try ICU.offsets(initialCapacity: units.count / 16 + 2, operation: "finding sentences") { output, status in
            units.withUnsafeBufferPointer { buffer in
                cicu_sentence_breaker_boundaries(
                    handle, buffer.baseAddress, Int32(buffer.count), output.baseAddress, Int32(output.count), &status)
            }
        }.map(Int.init)
    }
}
