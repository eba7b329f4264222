/// Turns bytes that should be UTF-8 into text: a BOM is dropped, invalid sequences become U+FFFD and are
/// reported with their byte offsets, and CRLF or CR line ends become LF.
public struct UTF8TextDecoder: Sendable {
    /// How many invalid places one warning names before it only counts the rest.
    public var reportedOffsets = 3

    public init() {}

    public func decode(_ bytes: [UInt8], path: String) -> (text: String, warnings: [Diagnostic]) {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = bytes[(hasBOM ? 3 : 0)...]
        var warnings: [Diagnostic] = []
        var text: String
        if let valid = String(validating: body, as: UTF8.self) {
            text = valid
        } else {
            // The standard library repairs in one pass, replacing each maximal invalid subpart with U+FFFD as
            // the parser below counts them; the parser only finds the offsets the warning names.
            text = String(decoding: body, as: UTF8.self)
            var invalidOffsets: [Int] = []
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = body.makeIterator()
            var offset = hasBOM ? 3 : 0
            decoding: while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let encoded):
                    offset += encoded.count
                case .error(let length):
                    invalidOffsets.append(offset)
                    offset += length
                case .emptyInput:
                    break decoding
                }
            }
            let named = invalidOffsets.prefix(reportedOffsets).map(String.init).joined(separator: ", ")
            let more = invalidOffsets.count - min(invalidOffsets.count, reportedOffsets)
            let rest = more > 0 ? " and \(more) more" : ""
            warnings.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: path, byteOffset: invalidOffsets[0]),
                    "invalid UTF-8 at byte \(named)\(rest); replaced with U+FFFD"))
        }
        if text.utf8.contains(0x0D) {
            text = text.replacingLineEnds()
        }
        return (text, warnings)
    }
}
