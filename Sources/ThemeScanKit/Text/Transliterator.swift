import CICU

/// An ICU transliterator; the handle is closed when the value goes away.
final class Transliterator {
    private let handle: OpaquePointer

    init(id: String) throws(TextError) {
        var status: Int32 = 0
        guard let handle = cicu_transliterator_open(id, &status) else {
            throw .icu(operation: "opening transliterator \(id)", status: status)
        }
        self.handle = handle
    }

    deinit {
        cicu_transliterator_close(handle)
    }

    /// The code points this transliterator may change.
    func sourceSet() throws(TextError) -> [UInt32] {
        var status: Int32 = 0
        let count = cicu_transliterator_source_set(handle, nil, 0, &status)
        guard status == 0 else { throw .icu(operation: "reading transliterator source set", status: status) }
        var points = [UInt32](repeating: 0, count: Int(count))
        _ = points.withUnsafeMutableBufferPointer { buffer in
            cicu_transliterator_source_set(handle, buffer.baseAddress, Int32(buffer.count), &status)
        }
        guard status == 0 else { throw .icu(operation: "reading transliterator source set", status: status) }
        return points
    }

    /// Transliterates UTF-16 text.
    func apply(to text: [UInt16]) throws(TextError) -> [UInt16] {
        var capacity = max(16, text.count * 2)
        while true {
            var buffer = text + [UInt16](repeating: 0, count: capacity - text.count)
            var status: Int32 = 0
            let length = buffer.withUnsafeMutableBufferPointer { pointer in
                cicu_transliterator_apply(handle, pointer.baseAddress, Int32(text.count), Int32(capacity), &status)
            }
            if status == CICU_BUFFER_TOO_SMALL {
                capacity *= 2
                continue
            }
            guard status == 0 else { throw .icu(operation: "transliterating", status: status) }
            return Array(buffer.prefix(Int(length)))
        }
    }
}
