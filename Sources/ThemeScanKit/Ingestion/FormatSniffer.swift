/// Decides what a file is from its first bytes, with the extension as a hint for what bytes cannot tell.
///
/// Content wins over the name: an HTML page saved as `.xls` by a survey platform is read as an HTML table, a
/// `.txt` that starts with `WEBVTT` is read as subtitles, and a Word file without its extension is still a
/// Word file. Containers that cannot be read (legacy or encrypted Office files) are refused here, with advice.
public struct FormatSniffer: Sendable {
    public init() {}

    static let zipMagic: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let emptyZipMagic: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    private static let oleMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// The format of `bytes`, read from a file with extension `pathExtension`.
    public func format(of bytes: [UInt8], pathExtension: String, path: String) throws(IngestionError) -> DocumentFormat {
        let hint = DocumentFormat(pathExtension: pathExtension)
        if bytes.starts(with: Self.zipMagic) || bytes.starts(with: Self.emptyZipMagic) {
            return try zipFormat(bytes, hint: hint, path: path)
        }
        if bytes.starts(with: Self.oleMagic) {
            throw .unsupportedFormat(path: path, advice: Self.oleAdvice(pathExtension: pathExtension))
        }
        let head = Self.asciiHead(bytes)
        let lowered = head.lowercased()
        let trimmed = lowered.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        if trimmed.hasPrefix("webvtt") { return .webVTT }
        if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<") {
            if lowered.contains("urn:schemas-microsoft-com:office:spreadsheet") { return .xls }
            if lowered.contains("<html") || lowered.contains("<!doctype html") {
                return hint == .xls ? .xls : .html
            }
            if trimmed.hasPrefix("<?xml") { return hint == .html ? .html : .xml }
        }
        if Self.looksLikeSubRip(head) { return .subRip }
        return hint ?? .text
    }

    /// DOCX and XLSX are both zips: the names in the central directory tell them apart.
    private func zipFormat(_ bytes: [UInt8], hint: DocumentFormat?, path: String) throws(IngestionError) -> DocumentFormat {
        let hasWord = Self.contains(bytes, "word/document.xml")
        let hasWorkbook = Self.contains(bytes, "xl/workbook.xml")
        if hasWord && !hasWorkbook { return .docx }
        if hasWorkbook && !hasWord { return .xlsx }
        if hint == .docx || hint == .xlsx { return hint! }
        throw .unsupportedFormat(
            path: path,
            advice: "a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) file; unpack it and give "
                + "the documents inside")
    }

    private static func oleAdvice(pathExtension: String) -> String {
        switch pathExtension.lowercased() {
        case "xls", "xlsx":
            return "a binary Excel file (.xls, or an .xlsx protected with a password); open it in Excel or WPS "
                + "and save it as .xlsx without a password, or as CSV (UTF-8)"
        default:
            return "a legacy Word file (.doc) or an Office file protected with a password; open it in Word or WPS "
                + "and save it as .docx without a password"
        }
    }

    /// The first bytes with everything outside ASCII dropped (and so the zero bytes of UTF-16), enough to
    /// recognize markup and subtitle headers in any of the encodings inputs come in.
    private static func asciiHead(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        for byte in bytes[start..<min(bytes.count, start + 2048)] where byte != 0 && byte < 0x80 {
            scalars.append(Unicode.Scalar(byte))
        }
        return String(scalars)
    }

    /// An SRT file starts with a cue number and then a timing line with `-->`.
    private static func looksLikeSubRip(_ head: String) -> Bool {
        let lines = head.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        guard lines.count >= 2, let first = lines.first else { return false }
        let number = first.trimmingCharacters(in: .whitespaces)
        return !number.isEmpty && number.allSatisfy(\.isASCII) && number.allSatisfy(\.isNumber)
            && lines[1].contains("-->") && lines[1].contains(",")
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count, let first = pattern.first else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first && bytes[index..<index + pattern.count].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }
}
