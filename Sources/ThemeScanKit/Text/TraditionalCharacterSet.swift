/// The characters ICU's Hant-Hans changes on their own: Traditional-only characters (鬱, 麼, 個 …).
///
/// Found once per run by asking the transliterator about each character of its source set, then shared by every
/// worker's normalizer.
public struct TraditionalCharacterSet: Sendable {
    /// The Basic Multilingual Plane as bits, 8 KB: asked for every Han character of every text, a byte each (64 KB)
    /// missed the processor's first cache.
    private var basic = [UInt64](repeating: 0, count: 0x10000 / 64)
    private var other: Set<UInt32> = []

    /// Asks ICU which characters Hant-Hans changes on their own.
    public init() throws(TextError) {
        let transliterator = try Transliterator(id: "Hant-Hans")
        for value in try transliterator.sourceSet() {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let alone = Array(String(scalar).utf16)
            guard try transliterator.apply(to: alone) != alone else { continue }
            if value < 0x10000 { basic[Int(value) >> 6] |= 1 << (value & 63) } else { other.insert(value) }
        }
    }

    /// Whether a character is Traditional-only.
    @inline(__always)
    public func contains(_ value: UInt32) -> Bool {
        value < 0x10000 ? basic[Int(value) >> 6] & 1 << (value & 63) != 0 : other.contains(value)
    }
}
