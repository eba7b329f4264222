/// Turns the bytes of a text file into text, finding the encoding when it is not given.
///
/// The order of evidence: a byte order mark, then the encoding the user gave, then NUL-byte patterns (UTF-16 and
/// UTF-32 without a BOM, or binary data), then strict UTF-8, then an encoding the file declares (an HTML meta
/// charset) when the bytes decode cleanly in it, then mostly-valid UTF-8, then ICU's charset detection.
public struct TextDecoder: Sendable {
    /// The encoding to read every file as (an ICU converter name), instead of finding one.
    public var encodingOverride: String?

    /// Detection answers below this confidence get a warning. ICU scores Chinese, Japanese and Korean text by how
    /// many of its characters are among the most frequent ones of the language: thirty characters of interview
    /// text in GBK, Big5, Shift_JIS or EUC-KR already score 100, while eight characters (too few to tell) score
    /// under 50, and the other CJK charsets score 40 to 72 behind the right one's 100. Single-byte guesses rest on
    /// letter statistics: a few lines of English, French or German in windows-1252 score 64 to 98. Below 50 the
    /// guess is about as likely wrong as right, which is when the user should hear about it.
    public static let lowConfidence = 50

    public init(encoding override: String? = nil) {
        encodingOverride = override
    }

    /// Decodes `bytes` (read from `path`): BOM first (UTF-8/16LE/16BE/32LE/32BE), then the override, then strict UTF-8,
    /// then `declaredEncoding` (an HTML meta charset) when it decodes cleanly, then ICU charset detection.
    ///
    /// Throws `.unsupportedFormat` for an unknown override and `.malformed` for bytes that do not look like text.
    public func decode(_ bytes: [UInt8], path: String, declaredEncoding: String? = nil) throws(IngestionError) -> DecodedText {
        let decoded = try choose(bytes, path: path, declaredEncoding: declaredEncoding)
        try Self.refuseBinary(decoded.text, bytes: bytes, path: path)
        return DecodedText(text: decoded.text.replacingLineEnds(), encoding: decoded.encoding, warnings: decoded.warnings)
    }

    /// Whether ICU can decode an encoding of this name (`GB18030`, `big5`, `UTF-16LE`, `cp1252` …).
    public static func isKnownEncoding(_ name: String) -> Bool {
        canonicalName(name) != nil
    }

    /// The name an encoding is reported under, or nil when ICU does not know it.
    ///
    /// GB2312 and GBK (and their aliases) are read as GB18030, their superset, which decodes their text the same
    /// way and also covers the characters they lack (a file saved as "GBK" by a newer editor may hold some), so
    /// they are reported as `GB18030`.
    public static func canonicalName(_ name: String) -> String? {
        let trimmed = name.trimmingWhitespace()
        if Self.gbFamily.contains(trimmed.lowercased()) { return "GB18030" }
        return CharsetConverter.standardName(for: trimmed)
    }

    private static let gbFamily: Set<String> = [
        "gb2312", "gbk", "cp936", "ms936", "windows-936", "euc-cn", "x-gbk", "gb_2312-80", "csgb2312", "gb18030",
        "x-euc-cn", "chinese", "iso-ir-58", "csiso58gb231280",
    ]

    // MARK: - Choosing

    private func choose(_ bytes: [UInt8], path: String, declaredEncoding: String?) throws(IngestionError) -> DecodedText {
        if let (encoding, length) = Self.byteOrderMark(of: bytes) {
            return try Self.convert(bytes, from: length, as: encoding, path: path)
        }
        if let encodingOverride {
            guard let name = Self.canonicalName(encodingOverride) else {
                throw .unsupportedFormat(
                    path: path,
                    advice: "unknown encoding \"\(encodingOverride)\" given with --encoding; use a name such as "
                        + "UTF-8, GB18030, Big5, UTF-16LE, Shift_JIS or windows-1252")
            }
            return try Self.convert(bytes, as: name, path: path)
        }
        if let firstNUL = Self.firstNUL(in: bytes) {
            guard let wide = Self.wideEncoding(of: bytes) else {
                throw .malformed(
                    at: SourceLocation(path: path, byteOffset: firstNUL),
                    reason: "the file does not look like text (it holds NUL bytes, first at byte \(firstNUL)); "
                        + "if it is text in an unusual encoding, give --encoding NAME")
            }
            return try Self.convert(bytes, as: wide, path: path)
        }

        let declared = declaredEncoding.flatMap { name in Self.canonicalName(name).map { (written: name, name: $0) } }
        var warnings: [Diagnostic] = []
        if let declaredEncoding, declared == nil {
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: path),
                    "the file declares the encoding \"\(declaredEncoding)\", which is unknown; ignored"))
        }
        func declaredMismatch(readAs encoding: String) {
            guard let declared, declared.name != encoding else { return }
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: path),
                    "the file declares \(declared.written) but its bytes are not in that encoding; read as \(encoding)"))
        }

        if let text = String(validating: bytes, as: UTF8.self) {
            if let declared, declared.name != "UTF-8", !Self.decodesCleanly(bytes, as: declared.name) {
                declaredMismatch(readAs: "UTF-8")
            }
            return DecodedText(text: text, encoding: "UTF-8", warnings: warnings)
        }
        if let declared {
            if let clean = try? Self.convert(bytes, as: declared.name, path: path), clean.warnings.isEmpty {
                return DecodedText(text: clean.text, encoding: clean.encoding, warnings: warnings)
            }
        }
        var decoded: DecodedText
        if Self.isMostlyUTF8(bytes) {
            decoded = try Self.convert(bytes, as: "UTF-8", path: path)
        } else {
            decoded = try detect(bytes, path: path, declared: declared?.name)
        }
        declaredMismatch(readAs: decoded.encoding)
        decoded.warnings = warnings + decoded.warnings
        return decoded
    }

    /// Reads `bytes` as ICU's detector guesses, warning when the guess is weak.
    private func detect(_ bytes: [UInt8], path: String, declared: String?) throws(IngestionError) -> DecodedText {
        let detected = try Self.detection(of: bytes[...], path: path, declared: declared)
        var decoded = try Self.convert(bytes, as: detected.name, path: path)
        decoded.warnings.insert(detected.diagnostic, at: 0)
        return decoded
    }

    /// ICU's best guess of a readable encoding for `bytes` (it looks at their first `CharsetDetector.sampleBytes`),
    /// with the note that reports it, or a warning when the guess is weak.
    static func detection(
        of bytes: ArraySlice<UInt8>, path: String, declared: String?
    ) throws(IngestionError) -> (name: String, diagnostic: Diagnostic) {
        let matches: [CharsetMatch]
        do {
            matches = try CharsetDetector.matches(in: bytes, declaredEncoding: declared)
        } catch {
            throw .malformed(at: SourceLocation(path: path), reason: "cannot tell the encoding (\(error)); give --encoding NAME")
        }
        let readable = matches.compactMap { match in Self.canonicalName(match.name).map { (match, $0) } }
        guard let (best, name) = readable.first else {
            throw .malformed(
                at: SourceLocation(path: path),
                reason: "the file does not look like text in any encoding that can be told; give --encoding NAME")
        }
        if best.confidence < Self.lowConfidence {
            let alternatives = readable.dropFirst().map(\.1).filter { $0 != name }
            let example = alternatives.first.map { " (the next guess is \($0))" } ?? ""
            return (name, Diagnostic(
                .warning, at: SourceLocation(path: path),
                "the encoding is a guess: read as \(name) with low confidence (\(best.confidence) of 100); if "
                    + "the text comes out garbled, give --encoding NAME\(example)"))
        }
        // The outputs do not name a document's encoding; a detected one is a choice the user should see.
        return (name, Diagnostic(
            .note, at: SourceLocation(path: path),
            "not UTF-8: read as \(name), the encoding detected (confidence \(best.confidence) of 100)"))
    }

    /// The encoding `decode` finds for a file that is not valid UTF-8, has no byte order mark and no NUL byte, and
    /// begins with `start` (at least its first `CharsetDetector.sampleBytes`, or all of it), with the note or
    /// warning that reports it; nil when `decode` would read such a file as UTF-8, repaired.
    ///
    /// What `decode` decides for such a file rests on its start alone (`isMostlyUTF8` and the detector look at
    /// no more), so a file streamed in this encoding is read as the whole-file reader reads it, provided every
    /// byte of it is valid there.
    static func encodingFound(forStart start: [UInt8], path: String) -> (name: String, diagnostic: Diagnostic)? {
        guard byteOrderMark(of: start) == nil, firstNUL(in: start) == nil, !isMostlyUTF8(start),
            let detected = try? detection(of: start[...], path: path, declared: nil), detected.name != "UTF-8"
        else { return nil }
        return detected
    }

    // MARK: - Converting

    /// `bytes[start...]` read as `encoding`, with a warning locating invalid bytes.
    private static func convert(
        _ bytes: [UInt8], from start: Int = 0, as encoding: String, path: String
    ) throws(IngestionError) -> DecodedText {
        if encoding == "UTF-8" {
            // The Swift decoder locates every invalid sequence and keeps the warning wording the tests pin.
            let (text, warnings) = UTF8TextDecoder().decode(Array(bytes[start...]), path: path)
            let shifted = warnings.map { warning in
                var warning = warning
                warning.location.byteOffset = warning.location.byteOffset.map { $0 + start }
                return warning
            }
            return DecodedText(text: text, encoding: encoding, warnings: shifted)
        }
        guard let converter = CharsetConverter(name: encoding) else {
            throw .unsupportedFormat(path: path, advice: "the encoding \(encoding) cannot be decoded here; give --encoding NAME")
        }
        let conversion: CharsetConversion
        do {
            conversion = try converter.convert(bytes[start...])
        } catch {
            throw .malformed(at: SourceLocation(path: path), reason: "cannot decode as \(encoding): \(error)")
        }
        var warnings: [Diagnostic] = []
        if conversion.invalidCount > 0 {
            let offsets = conversion.invalidOffsets.map { $0 + start }
            let named = offsets.prefix(3).map(String.init).joined(separator: ", ")
            let more = conversion.invalidCount - min(conversion.invalidCount, 3)
            let rest = more > 0 ? " and \(more) more" : ""
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: path, byteOffset: offsets.first),
                    "invalid \(encoding) at byte \(named)\(rest); replaced with U+FFFD"))
        }
        return DecodedText(text: conversion.text, encoding: encoding, warnings: warnings)
    }

    /// Whether `bytes` are valid in `encoding` through and through.
    private static func decodesCleanly(_ bytes: [UInt8], as encoding: String) -> Bool {
        guard let converter = CharsetConverter(name: encoding),
            let conversion = try? converter.convert(bytes[...])
        else { return false }
        return conversion.invalidCount == 0
    }
}
