extension String {
    /// The string's UTF-16 code units, transcoded straight from its UTF-8 storage.
    ///
    /// `Array(string.utf16)` counts the units first (through the string's UTF-16 breadcrumbs) and then copies them
    /// one at a time through the generic view; the analyzer does this for every segment, so the direct loop is
    /// written by hand. A Swift string's UTF-8 is always valid, which the loop relies on.
    var utf16Units: [UInt16] {
        var text = self
        return text.withUTF8 { bytes in
            // UTF-16 never takes more units than UTF-8 takes bytes.
            [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
                var index = 0
                var written = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        units[written] = UInt16(lead)
                        index += 1
                        written += 1
                    } else if lead < 0xE0 {
                        units[written] = UInt16(lead & 0x1F) << 6 | UInt16(bytes[index + 1] & 0x3F)
                        index += 2
                        written += 1
                    } else if lead < 0xF0 {
                        units[written] =
                            UInt16(lead & 0x0F) << 12 | UInt16(bytes[index + 1] & 0x3F) << 6
                            | UInt16(bytes[index + 2] & 0x3F)
                        index += 3
                        written += 1
                    } else {
                        let value = Self.fourByteValue(bytes, at: index) - 0x10000
                        units[written] = UInt16(0xD800 + (value >> 10))
                        units[written + 1] = UInt16(0xDC00 + (value & 0x3FF))
                        index += 4
                        written += 2
                    }
                }
                count = written
            }
        }
    }

    /// The string's Unicode scalars as an array, decoded straight from its UTF-8 storage.
    ///
    /// `Array(string.unicodeScalars)` walks the generic scalar view; the transcript parser makes this array for
    /// every file, so the direct loop is written by hand.
    var unicodeScalarArray: [Unicode.Scalar] {
        // Sized exactly: for a large transcript this array is the largest thing held while it is parsed, and a
        // byte per scalar would make it three times too large for Chinese text.
        let scalarCount = unicodeScalarCount
        var text = self
        return text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: scalarCount) { scalars, count in
                var index = 0
                var written = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    let value: UInt32
                    if lead < 0x80 {
                        value = UInt32(lead)
                        index += 1
                    } else if lead < 0xE0 {
                        value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value =
                            UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                            | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value = Self.fourByteValue(bytes, at: index)
                        index += 4
                    }
                    (scalars.baseAddress! + written).initialize(to: Unicode.Scalar(value).unsafelyUnwrapped)
                    written += 1
                }
                count = written
            }
        }
    }

    /// The texts at `ranges`, counted in Unicode scalars, copied straight from the string's UTF-8 storage.
    ///
    /// Ranges in ascending order are found in one walk over the bytes; a range before the previous one starts
    /// the walk again from the beginning.
    func texts(atScalarRanges ranges: [Range<Int>]) -> [String] {
        var text = self
        return text.withUTF8 { bytes in
            var texts: [String] = []
            texts.reserveCapacity(ranges.count)
            var byte = 0
            var scalar = 0
            func advance(to target: Int) {
                if target < scalar {
                    byte = 0
                    scalar = 0
                }
                while scalar < target {
                    let lead = bytes[byte]
                    byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    scalar += 1
                }
            }
            for range in ranges {
                advance(to: range.lowerBound)
                let start = byte
                advance(to: range.upperBound)
                texts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<byte]), as: UTF8.self))
            }
            return texts
        }
    }

    /// The number of Unicode scalars: UTF-8 bytes that are not continuation bytes.
    var unicodeScalarCount: Int {
        var text = self
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    @inline(__always)
    private static func fourByteValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
    }
}
