import Foundation
import Testing

@testable import ThemeScanKit

/// Decoding text files in the encodings interview material arrives in. The fixtures are written by
/// `Fixtures/encodings/make.py` with Python's codecs, and `expected-*.txt` hold what they must decode to.
@Suite struct EncodingTests {
    static let folder = TestSupport.fixtures.appendingPathComponent("encodings")

    static func bytes(_ name: String) throws -> [UInt8] {
        try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func expected(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("expected-\(name).txt"), encoding: .utf8)
    }

    static func decode(_ name: String, override: String? = nil, declared: String? = nil) throws -> DecodedText {
        try TextDecoder(encoding: override).decode(bytes(name), path: name, declaredEncoding: declared)
    }

    @Test func big5TranscriptIsDetected() throws {
        let decoded = try Self.decode("big5-transcript.txt")
        #expect(decoded.encoding == "Big5")
        #expect(decoded.text == (try Self.expected("traditional")))
        #expect(decoded.text.hasPrefix("訪談者：何姑娘你好"))
        #expect(decoded.warnings.map(\.description) == [
            "big5-transcript.txt: note: not UTF-8: read as Big5, the encoding detected (confidence 100 of 100)"
        ])
    }

    @Test func gbkTextIsReadAsGB18030WithLFLineEnds() throws {
        let decoded = try Self.decode("gbk-answers.csv")
        #expect(decoded.encoding == "GB18030")
        #expect(decoded.text == (try Self.expected("answers")))
        #expect(!decoded.text.contains("\r"))
        #expect(decoded.warnings.map(\.severity) == [.note])
    }

    @Test(arguments: [
        ("utf16le-bom.txt", "UTF-16LE"), ("utf16le-nobom.txt", "UTF-16LE"), ("utf16be-bom.txt", "UTF-16BE"),
        ("utf8-bom.txt", "UTF-8"),
    ])
    func unicodeEncodingsAreFoundAndTheirMarkDropped(file: String, encoding: String) throws {
        let decoded = try Self.decode(file)
        #expect(decoded.encoding == encoding)
        #expect(decoded.text == (try Self.expected("simplified")))
        #expect(decoded.text.unicodeScalars.first == "访")
        #expect(decoded.warnings.isEmpty)
    }

    @Test func utf32IsFoundWithAndWithoutItsMark() throws {
        let text = try Self.expected("simplified")
        let little = text.unicodeScalars.flatMap { scalar in
            (0..<4).map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) }
        }
        let big = text.unicodeScalars.flatMap { scalar in
            (0..<4).reversed().map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) }
        }
        for (bytes, encoding) in [
            ([0xFF, 0xFE, 0, 0] + little, "UTF-32LE"), (little, "UTF-32LE"), ([0, 0, 0xFE, 0xFF] + big, "UTF-32BE"),
            (big, "UTF-32BE"),
        ] {
            let decoded = try TextDecoder().decode(bytes, path: "a.txt")
            #expect(decoded.encoding == encoding)
            #expect(decoded.text == text)
        }
    }

    @Test func invalidUTF8IsReplacedAndItsOffsetsWarned() throws {
        let decoded = try Self.decode("invalid-utf8.txt")
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.warnings.map(\.description) == [
            "invalid-utf8.txt: warning: invalid UTF-8 at byte 88, 367; replaced with U+FFFD"
        ])
        #expect(decoded.warnings.first?.location.byteOffset == 88)
        #expect(decoded.text.unicodeScalars.count { $0 == "\u{FFFD}" } == 2)
        #expect(decoded.text.hasPrefix("访谈者：先请您简单介绍一下向日葵这个项目，主要是做什么的？\n\u{FFFD}受访者："))
    }

    @Test func invalidBytesInALegacyEncodingAreLocated() throws {
        // 0xFF is no GB18030 byte; 0x81 0x20 is a lead byte with a space for a trail byte.
        let bytes = Array("ab".utf8) + [0xFF] + [0xD6, 0xD0, 0xCE, 0xC4] + [0x81, 0x20] + Array("z".utf8)
        let decoded = try TextDecoder(encoding: "GBK").decode(bytes, path: "a.txt")
        #expect(decoded.text == "ab\u{FFFD}中文\u{FFFD} z")
        #expect(decoded.warnings.map(\.message) == ["invalid GB18030 at byte 2, 7; replaced with U+FFFD"])
        #expect(decoded.warnings.first?.location.byteOffset == 2)
    }

    @Test func conversionInPiecesKeepsCharactersWholeAndOffsetsExact() throws {
        // ICU gets the input in 64 KiB pieces: an odd start makes piece edges fall inside two-byte characters.
        let han: [UInt8] = [0xD0, 0xC4, 0xC0, 0xED]  // 心理 in GBK
        let head = [UInt8]("a".utf8) + Array([[UInt8]](repeating: han, count: 20_000).joined())
        let tail = Array([[UInt8]](repeating: han, count: 20_000).joined())
        let bytes = head + [0xFF] + tail + [0x81]
        let decoded = try TextDecoder(encoding: "GB18030").decode(bytes, path: "big.txt")
        #expect(decoded.text == "a" + String(repeating: "心理", count: 20_000) + "\u{FFFD}" + String(repeating: "心理", count: 20_000) + "\u{FFFD}")
        #expect(decoded.warnings.map(\.message) == ["invalid GB18030 at byte \(head.count), \(bytes.count - 1); replaced with U+FFFD"])
    }

    @Test func loneSurrogatesInUTF16BecomeReplacementCharacters() throws {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00, 0x42, 0x00, 0x00, 0xDC]
        let decoded = try TextDecoder().decode(bytes, path: "a.txt")
        #expect(decoded.encoding == "UTF-16LE")
        #expect(decoded.text == "\u{FFFD}AB\u{FFFD}")
        #expect(decoded.warnings.map(\.message) == ["invalid UTF-16LE at byte 2, 8; replaced with U+FFFD"])
    }

    @Test func binaryDataIsRefused() throws {
        #expect {
            try Self.decode("binary.txt")
        } throws: { error in
            guard case .malformed(let location, let reason)? = error as? IngestionError else { return false }
            return location.byteOffset == 0 && reason.contains("does not look like text")
        }
        // Control characters without NULs are refused too, whatever the encoding.
        var controls: [UInt8] = []
        for index in 0..<400 { controls.append(index % 2 == 0 ? 0x61 : UInt8(1 + index % 7)) }
        #expect(throws: IngestionError.self) { try TextDecoder().decode(controls, path: "a.txt") }
        // The loader refuses the file as a whole.
        let path = Self.folder.appendingPathComponent("binary.txt").path
        #expect(throws: IngestionError.self) { try DocumentLoader().load(DocumentSource(path: path, id: "binary.txt")) }
    }

    /// The sniff counts from the UTF-8 what the scalar view gives: C0 and C1 controls, the allowed ones, NUL, and
    /// only the first `sniffedBytes` scalars of a longer text.
    @Test func controlCharactersAreCountedAsTheScalarViewCountsThem() {
        func reference(_ text: String) -> (scalars: Int, controls: Int, holdsNUL: Bool) {
            var result = (scalars: 0, controls: 0, holdsNUL: false)
            for scalar in text.unicodeScalars.prefix(TextDecoder.sniffedBytes) {
                result.scalars += 1
                switch scalar.value {
                case 0: result.holdsNUL = true
                case 0x09...0x0D, 0x1A, 0x1B: break
                case 0x01...0x1F, 0x7F...0x9F: result.controls += 1
                default: break
                }
            }
            return result
        }
        let every = String(String.UnicodeScalarView((0..<0x2FF).compactMap(Unicode.Scalar.init)))
        let texts = [
            "", "plain text\twith\r\nbreaks\u{1A}\u{1B}", every, "a\u{80}b\u{85}c\u{9F}d\u{A0}\u{BF}é\u{7F}\u{1}",
            "访谈者：\u{0}孩子😀\u{10FFFF}", String(repeating: "孩\u{85}", count: TextDecoder.sniffedBytes),
            String(repeating: "x", count: TextDecoder.sniffedBytes - 1) + "\u{1}\u{1}",
        ]
        // Counted eight bytes at a time: each kind of control at every place in a word, after ASCII and after
        // three-byte characters.
        let placed = (0..<17).flatMap { offset in
            ["\u{85}", "\u{1}", "\u{0}", "\u{7F}", "\t", "\u{A0}"].flatMap { control in
                [
                    String(repeating: "a", count: offset) + control + String(repeating: "孩子", count: 5),
                    String(repeating: "孩", count: offset) + control + "ab",
                ]
            }
        }
        for text in texts + placed {
            let counted = TextDecoder.controlCharacters(in: text)
            let expected = reference(text)
            #expect(
                counted.scalars == expected.scalars && counted.controls == expected.controls
                    && counted.holdsNUL == expected.holdsNUL, "\(text.prefix(20).debugDescription)")
        }
    }

    @Test func theOverrideIsHonouredOverDetection() throws {
        let asGBK = try Self.decode("gbk-answers.csv", override: "GBK")
        #expect(asGBK.encoding == "GB18030")
        #expect(asGBK.text == (try Self.expected("answers")))
        // Wrong, but asked for: the Big5 transcript read as GB18030 is not the Traditional text.
        let wrong = try Self.decode("big5-transcript.txt", override: "gb18030")
        #expect(wrong.encoding == "GB18030")
        #expect(wrong.text != (try Self.expected("traditional")))
        // A byte order mark still wins: it cannot be wrong.
        #expect(try Self.decode("utf16le-bom.txt", override: "Big5").encoding == "UTF-16LE")
    }

    @Test func anUnknownOverrideIsAnError() throws {
        #expect(!TextDecoder.isKnownEncoding("klingon-8"))
        #expect(!TextDecoder.isKnownEncoding(""))
        #expect(TextDecoder.isKnownEncoding("gbk") && TextDecoder.isKnownEncoding("Big5") && TextDecoder.isKnownEncoding("cp1252"))
        #expect {
            try Self.decode("big5-transcript.txt", override: "klingon-8")
        } throws: { error in
            guard case .unsupportedFormat(let path, let advice)? = error as? IngestionError else { return false }
            return path == "big5-transcript.txt" && advice.contains("unknown encoding \"klingon-8\"")
        }
    }

    @Test func encodingNamesAreReportedCanonically() {
        #expect(TextDecoder.canonicalName("gb2312") == "GB18030")
        #expect(TextDecoder.canonicalName("GBK") == "GB18030")
        #expect(TextDecoder.canonicalName("big5") == "Big5")
        #expect(TextDecoder.canonicalName("utf-16le") == "UTF-16LE")
        #expect(TextDecoder.canonicalName("cp1252") == "windows-1252")
        #expect(TextDecoder.canonicalName("sjis") == "Shift_JIS")
        #expect(TextDecoder.canonicalName("euc-kr") == "EUC-KR")
        #expect(TextDecoder.canonicalName("utf8") == "UTF-8")
    }

    @Test func aWrongDeclaredEncodingIsWarnedAndTheBytesWin() throws {
        let decoded = try Self.decode("declared-wrong.html", declared: "GB2312")
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.text.contains(try Self.expected("simplified")))
        #expect(decoded.warnings.map(\.message) == [
            "the file declares GB2312 but its bytes are not in that encoding; read as UTF-8"
        ])
    }

    @Test func aRightDeclaredEncodingIsUsed() throws {
        let decoded = try Self.decode("declared-right.html", declared: "gb2312")
        #expect(decoded.encoding == "GB18030")
        #expect(decoded.text.contains(try Self.expected("simplified")))
        #expect(decoded.warnings.isEmpty)
        // Four GBK characters are also valid Big5: a declaration settles what detection cannot.
        let short: [UInt8] = [0xD0, 0xC4, 0xC0, 0xED, 0xBD, 0xA1, 0xBF, 0xB5]  // 心理健康 in GBK
        let declared = try TextDecoder().decode(short, path: "a.html", declaredEncoding: "Big5")
        #expect(declared.encoding == "Big5")
        #expect(declared.text == "陑燴翩艙")
        #expect(declared.warnings.isEmpty)
    }

    @Test func aWeakGuessIsWarnedWithAdvice() throws {
        let short: [UInt8] = [0xD0, 0xC4, 0xC0, 0xED, 0xBD, 0xA1, 0xBF, 0xB5]
        let decoded = try TextDecoder().decode(short, path: "a.txt")
        let warning = try #require(decoded.warnings.first)
        #expect(warning.message.contains("read as \(decoded.encoding) with low confidence"))
        #expect(warning.message.contains("--encoding NAME"))
    }

    @Test func anUnknownDeclaredEncodingIsIgnoredWithAWarning() throws {
        let decoded = try Self.decode("utf8-bom.txt", declared: "x-nonsense")
        #expect(decoded.encoding == "UTF-8")
        // A byte order mark settles the question before any declaration is looked at.
        #expect(decoded.warnings.isEmpty)
        let plain = try TextDecoder().decode(Array("心理".utf8), path: "a.html", declaredEncoding: "x-nonsense")
        #expect(plain.text == "心理")
        #expect(plain.warnings.map(\.message) == ["the file declares the encoding \"x-nonsense\", which is unknown; ignored"])
    }

    @Test func thePlainTextReaderReportsTheEncodingAndHonoursTheOption() throws {
        let path = Self.folder.appendingPathComponent("big5-transcript.txt").path
        let source = DocumentSource(path: path, id: "big5-transcript.txt")
        let document = try #require(try DocumentLoader().load(source).documents.first)
        #expect(document.encoding == "Big5")
        #expect(document.format == .text)
        #expect(document.text == (try Self.expected("traditional")))
        let forced = try #require(try DocumentLoader(options: IngestionOptions(encoding: "GB18030")).load(source).documents.first)
        #expect(forced.encoding == "GB18030")
    }
}
