import CICU

/// Facts about the ICU library the text pipeline runs on.
public enum ICU {
    /// The ICU version, such as "72.1"; recorded with every run.
    public static var version: String { String(cString: cicu_version()) }

    /// Whether `text` is in Unicode Normalization Form C, as most text is: then its UTF-8 bytes order and compare
    /// as the string itself does (Swift orders strings by the scalars of their NFC form). ASCII is answered without
    /// ICU; false when ICU fails.
    static func isNFC(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return true }
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { cicu_is_nfc($0.baseAddress, Int32($0.count)) } == 1
    }

    /// Calls an ICU bridge function that writes up to `capacity` offsets and returns how many there are in all,
    /// growing the buffer and calling again when they did not fit.
    static func offsets(
        initialCapacity: Int, operation: String,
        _ fill: (UnsafeMutableBufferPointer<Int32>, inout Int32) -> Int32
    ) throws(TextError) -> [Int32] {
        var capacity = max(1, initialCapacity)
        while true {
            var status: Int32 = 0
            var count: Int32 = 0
            // ICU writes what it finds; nothing needs zeroing, and a result that fits is returned without a copy.
            let buffer = [Int32](unsafeUninitializedCapacity: capacity) { output, initialized in
                count = fill(output, &status)
                initialized = status == 0 ? min(Int(count), capacity) : 0
            }
            guard status == 0 else { throw .icu(operation: operation, status: status) }
            if Int(count) <= capacity { return buffer }
            capacity = Int(count)
        }
    }
}
