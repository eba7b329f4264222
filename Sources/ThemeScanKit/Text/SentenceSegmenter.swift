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
        let units = Array(text.utf16)
        guard !units.isEmpty else { return [] }
        var capacity = units.count / 16 + 2
        while true {
            var status: Int32 = 0
            var boundaries = [Int32](repeating: 0, count: capacity)
            let count = units.withUnsafeBufferPointer { buffer in
                boundaries.withUnsafeMutableBufferPointer { output in
                    cicu_sentence_breaker_boundaries(
                        handle, buffer.baseAddress, Int32(buffer.count), output.baseAddress, Int32(capacity), &status)
                }
            }
            guard status == 0 else { throw .icu(operation: "finding sentences", status: status) }
            if Int(count) > capacity {
                capacity = Int(count)
                continue
            }
            let offsets = ScalarOffsetMap(units: units)
            let scalars = boundaries.prefix(Int(count)).map { offsets.scalarOffset(ofUTF16: Int($0)) }
            return zip(scalars, scalars.dropFirst()).map { $0..<$1 }
        }
    }
}
