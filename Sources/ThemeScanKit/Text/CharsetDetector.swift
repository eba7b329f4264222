import CICU

/// Guesses the charset of bytes with ICU's detector (`ucsdet`), which opens and closes its handle in one C call.
enum CharsetDetector {
    /// How many bytes the detector looks at: enough for its frequency statistics on any real text, and a bound on
    /// the time spent on a large file.
    static let sampleBytes = 1 << 20

    /// The detector's answers for the start of `bytes`, best first; `declaredEncoding` (an HTML meta charset) is
    /// passed on as a hint.
    static func matches(in bytes: ArraySlice<UInt8>, declaredEncoding: String? = nil) throws(TextError) -> [CharsetMatch] {
        let sample = bytes.prefix(sampleBytes)
        let capacity = 16
        let nameCapacity = Int(CICU_CHARSET_NAME_CAPACITY)
        var names = [CChar](repeating: 0, count: capacity * nameCapacity)
        var confidences = [Int32](repeating: 0, count: capacity)
        let count = sample.withUnsafeBufferPointer { input in
            names.withUnsafeMutableBufferPointer { namesBuffer in
                confidences.withUnsafeMutableBufferPointer { confidencesBuffer in
                    cicu_detect_charsets(
                        input.baseAddress, Int32(input.count), declaredEncoding, namesBuffer.baseAddress,
                        confidencesBuffer.baseAddress, Int32(capacity))
                }
            }
        }
        guard count >= 0 else { throw .icu(operation: "detecting the charset", status: -count) }
        return (0..<Int(count)).map { index in
            let name = names[(index * nameCapacity)..<((index + 1) * nameCapacity)].withUnsafeBufferPointer { buffer in
                String(cString: buffer.baseAddress!)
            }
            return CharsetMatch(name: name, confidence: Int(confidences[index]))
        }
    }
}
