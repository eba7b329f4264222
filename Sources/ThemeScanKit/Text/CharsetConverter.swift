import CICU

/// Converts bytes in a named charset to text with ICU's converters (`ucnv`), one C call per conversion so that
/// no converter handle outlives it.
struct CharsetConverter: Sendable {
    /// How many invalid places a conversion locates; the rest are only counted.
    static let locatedInvalidPlaces = 8

    /// The ICU converter name the conversion uses.
    let name: String

    /// A converter for `name`, or nil when ICU knows no such charset.
    init?(name: String) {
        guard Self.standardName(for: name) != nil else { return nil }
        self.name = name
    }

    /// The name the charset goes by in MIME or IANA registries (ICU's own name when it has neither), or nil when
    /// ICU knows no charset called `name`.
    static func standardName(for name: String) -> String? {
        var output = [CChar](repeating: 0, count: Int(CICU_CHARSET_NAME_CAPACITY))
        let status = output.withUnsafeMutableBufferPointer { buffer in
            cicu_charset_standard_name(name, buffer.baseAddress, Int32(buffer.count))
        }
        guard status == 0 else { return nil }
        let standard = output.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return standard.isEmpty ? name : standard
    }

    /// The text `bytes` stand for; invalid and unmappable sequences become U+FFFD.
    func convert(_ bytes: ArraySlice<UInt8>) throws(TextError) -> CharsetConversion {
        // Most charsets give at most one UTF-16 unit per byte; the rare ones that give more ask for a retry.
        var capacity = min(bytes.count + 16, Int(Int32.max))
        while true {
            var units = [UInt16](repeating: 0, count: capacity)
            var length: Int32 = 0
            var offsets = [Int32](repeating: 0, count: Self.locatedInvalidPlaces)
            var invalidCount: Int32 = 0
            let status = bytes.withUnsafeBufferPointer { input in
                units.withUnsafeMutableBufferPointer { output in
                    offsets.withUnsafeMutableBufferPointer { offsetsBuffer in
                        cicu_convert_to_utf16(
                            name, input.baseAddress, Int32(input.count), output.baseAddress, Int32(output.count),
                            &length, offsetsBuffer.baseAddress, Int32(offsetsBuffer.count), &invalidCount)
                    }
                }
            }
            if status == CICU_BUFFER_TOO_SMALL, capacity < Int(Int32.max) {
                capacity = min(capacity * 2, Int(Int32.max))
                continue
            }
            guard status == 0 else { throw .icu(operation: "converting from \(name)", status: status) }
            // A rebased buffer takes the standard library's contiguous fast path; a slice of one does not.
            let text = units.withUnsafeBufferPointer { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer.prefix(Int(length))), as: UTF16.self)
            }
            let located = min(Int(invalidCount), Self.locatedInvalidPlaces)
            return CharsetConversion(
                text: text, invalidCount: Int(invalidCount), invalidOffsets: offsets.prefix(located).map(Int.init))
        }
    }
}
