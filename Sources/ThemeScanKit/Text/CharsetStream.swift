import CICU

/// Converts input in a named charset, handed over in pieces, to UTF-8: a sequence cut by a piece's end is finished
/// by the next piece, and invalid or unmappable sequences become U+FFFD and are counted. Owns its ICU converter.
final class CharsetStream {
    private let handle: OpaquePointer
    private var units: [UInt16] = []
    /// A high surrogate that ended the last piece's output, put before the next piece's.
    private var pendingLead: UInt16?
    /// How many invalid or unmappable sequences the input has had so far.
    private(set) var invalidCount = 0

    /// A stream from the charset `name`, or nil when ICU cannot open it.
    init?(name: String) {
        var status: Int32 = 0
        guard let handle = cicu_charset_stream_open(name, &status) else { return nil }
        self.handle = handle
    }

    deinit {
        cicu_charset_stream_close(handle)
    }

    /// The UTF-8 of the next piece, `last` set for the final one (which may be empty).
    func convert(_ bytes: UnsafeBufferPointer<UInt8>, last: Bool) throws(TextError) -> [UInt8] {
        let capacity = 2 * bytes.count + 16
        if units.count < capacity + 1 { units = [UInt16](repeating: 0, count: capacity + 1) }
        let held = pendingLead.map { _ in 1 } ?? 0
        if let pendingLead { units[0] = pendingLead }
        pendingLead = nil
        var length: Int32 = 0
        var invalid: Int32 = 0
        let status = units.withUnsafeMutableBufferPointer { output in
            cicu_charset_stream_convert(
                handle, bytes.baseAddress, Int32(bytes.count), last ? 1 : 0, output.baseAddress! + held,
                Int32(capacity), &length, &invalid)
        }
        guard status == 0 else { throw .icu(operation: "converting a piece of text", status: status) }
        invalidCount = Int(invalid)
        var end = held + Int(length)
        // ICU keeps a pair's halves together, but should a piece's output end between them, the pair is joined
        // in the next piece's output rather than each half made U+FFFD.
        if !last, end > 0, UTF16.isLeadSurrogate(units[end - 1]) {
            pendingLead = units[end - 1]
            end -= 1
        }
        return units.withUnsafeBufferPointer { buffer in
            Array(String(decoding: UnsafeBufferPointer(rebasing: buffer.prefix(end)), as: UTF16.self).utf8)
        }
    }
}
