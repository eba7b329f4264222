/// Finds the charset an HTML page declares in its first bytes (`<meta charset>`, a `Content-Type` meta, or an
/// XML declaration).
///
/// Written by hand because the page is decoded with ICU before libxml2 sees it, and libxml2 offers no prescan
/// of its own; the scan follows the HTML standard's rule of looking only at the first 1024 bytes.
enum HTMLCharsetSniffer {
    static let scannedBytes = 1024

    /// The declared charset name as written (such as `gb2312`), or nil.
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        // Bytes above ASCII become Latin-1 characters one for one, so offsets and ASCII markup survive whatever
        // the real encoding is.
        let head = String(bytes.prefix(scannedBytes).map { Character(Unicode.Scalar($0)) }).lowercased()
        if head.hasPrefix("<?xml"), let end = head.firstIndex(of: ">"),
            let name = value(after: "encoding=", in: head[..<end])
        {
            return name
        }
        var rest = head[...]
        while let open = rest.range(of: "<meta") {
            let tag = rest[open.upperBound...].prefix { $0 != ">" }
            if let name = value(after: "charset=", in: tag) { return name }
            rest = rest[open.upperBound...]
        }
        return nil
    }

    /// The name after `key` in `text`, without quotes; stops at the first character no charset name has.
    private static func value(after key: String, in text: Substring) -> String? {
        guard let range = text.range(of: key) else { return nil }
        let name = text[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            .prefix { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
        return name.isEmpty ? nil : String(name)
    }
}
