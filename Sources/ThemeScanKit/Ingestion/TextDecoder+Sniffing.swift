import Foundation

extension TextDecoder {
    /// How many bytes the byte-pattern checks look at; the start of a file tells its kind.
    static let sniffedBytes = 1 << 16

    /// The offset of the first NUL byte, found with `memchr` because this runs over every byte of every file.
    static func firstNUL(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base, 0, buffer.count) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The encoding a byte order mark announces, and the mark's length. UTF-32LE's mark begins like UTF-16LE's,
    /// so it is checked first.
    static func byteOrderMark(of bytes: [UInt8]) -> (encoding: String, length: Int)? {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// UTF-16 or UTF-32 without a byte order mark, for bytes holding NULs; nil when they read as neither, as
    /// binary data does.
    ///
    /// ICU's detector recognizes BOM-less UTF-16 only when it is mostly Latin text, so this reads the start of the
    /// bytes in each byte order and keeps the one where nearly every code unit is a character real text is made of
    /// (ASCII, Latin, punctuation, CJK, kana, Hangul, full-width forms); read in the wrong order, Chinese text
    /// turns into characters from all over the code space, and binary data reads badly in both.
    static func wideEncoding(of bytes: [UInt8]) -> String? {
        let length = min(bytes.count, sniffedBytes) & ~3
        guard length >= 4 else { return nil }
        let sample = bytes[0..<length]
        if bytes.count % 4 == 0 {
            for (encoding, bigEndian) in [("UTF-32LE", false), ("UTF-32BE", true)]
            where isPlausible(codeUnits(sample, width: 4, bigEndian: bigEndian)) {
                return encoding
            }
        }
        guard bytes.count % 2 == 0 else { return nil }
        for (encoding, bigEndian) in [("UTF-16LE", false), ("UTF-16BE", true)]
        where isPlausible(codeUnits(sample, width: 2, bigEndian: bigEndian)) {
            return encoding
        }
        return nil
    }

    private static func codeUnits(_ bytes: ArraySlice<UInt8>, width: Int, bigEndian: Bool) -> [UInt32] {
        stride(from: bytes.startIndex, to: bytes.endIndex - width + 1, by: width).map { index in
            var value: UInt32 = 0
            for offset in 0..<width {
                let byte = UInt32(bytes[index + (bigEndian ? offset : width - 1 - offset)])
                value = value << 8 | byte
            }
            return value
        }
    }

    /// Whether at least 95 in 100 code units (surrogates counted as text) are characters of real text.
    private static func isPlausible(_ units: [UInt32]) -> Bool {
        let plausible = units.count { unit in
            switch unit {
            case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0x24F, 0x370...0x52F, 0x2000...0x27BF, 0x2E80...0x2FDF,
                0x3000...0x30FF, 0x3100...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
                0xD800...0xDFFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x1F300...0x1FAFF,
                0x20000...0x323AF:
                return true
            default:
                return false
            }
        }
        return plausible * 100 >= units.count * 95
    }

    /// Whether bytes that are not valid UTF-8 still are UTF-8 with a few broken places: at least twice as many
    /// valid multi-byte sequences as invalid ones. Text in GBK or Big5 forms a valid UTF-8 sequence by chance only
    /// about once for every four or five invalid ones (measured on the sample transcripts), so the rule keeps a
    /// wide margin while still reading a short UTF-8 note with one stray byte as UTF-8.
    static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
        var multiByte = 0
        var invalid = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.prefix(sniffedBytes).makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): if encoded.count > 1 { multiByte += 1 }
            case .error: invalid += 1
            case .emptyInput: return multiByte > 0 && multiByte >= invalid * 2
            }
        }
    }

    /// Refuses decoded text that is really binary data: a NUL character, or more than one control character in
    /// twenty (and more than a stray few, which short notes pasted from old software do carry). Tabs, line and page
    /// breaks, and ESC and SUB (left by old editors) are not counted.
    static func refuseBinary(_ text: String, bytes: [UInt8], path: String) throws(IngestionError) {
        let (scalars, controls, holdsNUL) = controlCharacters(in: text)
        guard holdsNUL || (controls * 20 > scalars && controls > 3) else { return }
        let what = holdsNUL ? "it holds NUL characters" : "\(controls) of its first \(scalars) characters are control characters"
        throw .malformed(
            at: SourceLocation(path: path, byteOffset: firstNUL(in: bytes)),
            reason: "the file does not look like text (\(what)); if it is text in an unusual encoding, give --encoding NAME")
    }

    /// Among the first `sniffedBytes` scalars of `text`: how many there are, how many are control characters
    /// (C0 and C1, but tabs, line and page breaks, ESC and SUB), and whether one is NUL.
    ///
    /// Read from the UTF-8 without decoding, eight bytes at a time where none of them can start a control: every
    /// file is sniffed, and the scalar view decoded every character only to compare it with a few small values.
    /// Controls are bytes below 0x20 and 0x7F, and the C1 controls beyond ASCII, whose UTF-8 is C2 80 to C2 9F;
    /// a word holding none of those bytes only adds its lead bytes to the scalars.
    static func controlCharacters(in text: String) -> (scalars: Int, controls: Int, holdsNUL: Bool) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ word: UInt64) -> Bool { (word &- ones) & ~word & highs != 0 }
        var text = text
        return text.withUTF8 { bytes in
            var scalars = 0
            var controls = 0
            var holdsNUL = false
            var index = 0
            // One byte at a time: a continuation byte is skipped, a lead byte is a scalar.
            func sniff(upTo end: Int) {
                while index < end, scalars < sniffedBytes {
                    let byte = bytes[index]
                    index += 1
                    guard byte & 0xC0 != 0x80 else { continue }
                    scalars += 1
                    switch byte {
                    case 0: holdsNUL = true
                    case 0x09...0x0D, 0x1A, 0x1B: break
                    case 0x01...0x1F, 0x7F: controls += 1
                    case 0xC2: if index < bytes.count, bytes[index] <= 0x9F { controls += 1 }
                    default: break
                    }
                }
            }
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while index + 8 <= bytes.count, scalars + 8 <= sniffedBytes {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let belowSpace = (word &- 0x20 &* ones) & ~word & highs != 0
                    if belowSpace || hasZeroByte(word ^ (0x7F &* ones)) || hasZeroByte(word ^ (0xC2 &* ones)) {
                        sniff(upTo: index + 8)
                    } else {
                        scalars += 8 - String.continuationBytes(in: word)
                        index += 8
                    }
                }
            }
            sniff(upTo: bytes.count)
            return (scalars, controls, holdsNUL)
        }
    }
}
