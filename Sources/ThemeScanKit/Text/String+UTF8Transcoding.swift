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
                    let (scalar, width) = Self.scalar(in: bytes, at: index)
                    index += width
                    if scalar.value < 0x10000 {
                        units[written] = UInt16(truncatingIfNeeded: scalar.value)
                        written += 1
                    } else {
                        let value = scalar.value - 0x10000
                        units[written] = UInt16(0xD800 + (value >> 10))
                        units[written + 1] = UInt16(0xDC00 + (value & 0x3FF))
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
        let scalarCount = unicodeScalarCount
        var text = self
        return text.withUTF8 { bytes in Self.scalars(of: bytes, count: scalarCount) }
    }

    /// Calls `body` with the scalars of consecutive blocks of whole lines, each at least `scalarCount` long (but
    /// the last) and ending just after a line feed, and with the offset of the block's first scalar.
    ///
    /// A transcript's lines are scanned a block at a time, so a large file never has all its scalars in an array
    /// at four bytes each; a line longer than a block makes a block of its own.
    func forEachLineBlock(scalarCount: Int, _ body: ([Unicode.Scalar], Int) -> Void) {
        var text = self
        text.withUTF8 { bytes in
            var start = 0
            var base = 0
            while start < bytes.count {
                var end = start
                var count = 0
                if bytes.count - start <= scalarCount {
                    // The rest has fewer scalars than a block holds, so it is the last block: counted at once.
                    end = bytes.count
                    count = Self.scalarCount(of: UnsafeBufferPointer(rebasing: bytes[start...]))
                }
                while end < bytes.count {
                    let lead = bytes[end]
                    end += Self.width(lead)
                    count += 1
                    if lead == 0x0A, count >= scalarCount { break }
                }
                body(Self.scalars(of: UnsafeBufferPointer(rebasing: bytes[start..<end]), count: count), base)
                base += count
                start = end
            }
        }
    }

    /// The texts at `ranges`, counted in Unicode scalars, without the scalars `isTrimmed` accepts at either end,
    /// copied straight from the string's UTF-8 storage, with the ranges they were found at.
    ///
    /// Ranges in ascending order are found in one walk over the bytes; a range before the previous one starts
    /// the walk again from the beginning.
    func trimmedTexts(
        atScalarRanges ranges: [Range<Int>], trimming isTrimmed: (Unicode.Scalar) -> Bool
    ) -> [(range: Range<Int>, text: String)] {
        var text = self
        return text.withUTF8 { bytes in
            var texts: [(range: Range<Int>, text: String)] = []
            texts.reserveCapacity(ranges.count)
            var byte = 0
            var scalar = 0
            func advance(to target: Int) {
                if target < scalar {
                    byte = 0
                    scalar = 0
                }
                while scalar < target {
                    byte += Self.width(bytes[byte])
                    scalar += 1
                }
            }
            for range in ranges {
                advance(to: range.lowerBound)
                while scalar < range.upperBound {
                    let (value, width) = Self.scalar(in: bytes, at: byte)
                    guard isTrimmed(value) else { break }
                    byte += width
                    scalar += 1
                }
                let lower = scalar
                let start = byte
                advance(to: range.upperBound)
                var upper = range.upperBound
                var end = byte
                while upper > lower {
                    var previous = end - 1
                    while bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
                    guard isTrimmed(Self.scalar(in: bytes, at: previous).value) else { break }
                    end = previous
                    upper -= 1
                }
                // Sliced from the string rather than decoded from its bytes: a slice of a valid string is copied
                // without checking its UTF-8 again, and a UTF-8 offset is an index in constant time.
                let utf8 = self.utf8
                let slice = self[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
                texts.append((lower..<upper, String(slice)))
            }
            return texts
        }
    }

    /// The `count` scalars of valid UTF-8 `bytes`.
    private static func scalars(of bytes: UnsafeBufferPointer<UInt8>, count scalarCount: Int) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: scalarCount) { scalars, count in
            var index = 0
            var written = 0
            while index < bytes.count {
                let (value, width) = scalar(in: bytes, at: index)
                (scalars.baseAddress! + written).initialize(to: value)
                index += width
                written += 1
            }
            count = written
        }
    }

    /// The scalar whose valid UTF-8 starts at `index`, and its length in bytes.
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: Unicode.Scalar, width: Int) {
        let lead = bytes[index]
        let value: UInt32
        let width: Int
        if lead < 0x80 {
            value = UInt32(lead)
            width = 1
        } else if lead < 0xE0 {
            value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            width = 2
        } else if lead < 0xF0 {
            value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            width = 3
        } else {
            value = fourByteValue(bytes, at: index)
            width = 4
        }
        return (Unicode.Scalar(value).unsafelyUnwrapped, width)
    }

    /// The length of the UTF-8 sequence `lead` starts.
    @inline(__always)
    private static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// The number of Unicode scalars: UTF-8 bytes that are not continuation bytes.
    var unicodeScalarCount: Int {
        var text = self
        return text.withUTF8 { Self.scalarCount(of: $0) }
    }

    /// How many of the eight bytes of `word` are UTF-8 continuation bytes: 10xxxxxx, so the top bit is set and the
    /// bit below it, shifted up into the top bit's place, is not.
    @inline(__always)
    static func continuationBytes(in word: UInt64) -> Int {
        (word & ~(word &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
    }

    /// The number of scalars in valid UTF-8 `bytes`, counted eight bytes at a time (`continuationBytes(in:)`): a
    /// branch per byte mispredicted on mixed Chinese and English text, and the compiler would not vectorize that
    /// loop.
    private static func scalarCount(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var continuations = 0
        var index = 0
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while index + 8 <= bytes.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                continuations &+= continuationBytes(in: word)
                index += 8
            }
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return bytes.count - continuations
    }

    @inline(__always)
    private static func fourByteValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        UInt32(bytes[index] & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
    }
}
