/// A REFI-QDA GUID: an RFC 4122 UUID, written as lower-case hex in 8-4-4-4-12 groups (the XSD's `GUIDType`
/// accepts either case).
///
/// ThemeScan derives every GUID it writes as a name-based UUID (version 5, SHA-1) from a fixed namespace and a name
/// such as `code:depression`, so the same codebook and run always give the same GUIDs, and a code keeps its GUID
/// from one export to the next.
public struct QDAGUID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 16 bytes in network order.
    public let bytes: [UInt8]

    /// The namespace of ThemeScan's GUIDs: itself the version 5 UUID of the URL `urn:themescan:refi-qda` in RFC
    /// 4122's URL namespace.
    public static let themeScan = QDAGUID(parsing: "e41d9917-ccb8-5d4c-be06-c62af155c1bb")!

    /// RFC 4122's namespace for URLs (Appendix C).
    public static let urlNamespace = QDAGUID(parsing: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!

    /// RFC 4122's namespace for domain names (Appendix C).
    public static let dnsNamespace = QDAGUID(parsing: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")!

    /// The version 5 UUID of `name` (its UTF-8 bytes) in `namespace` (RFC 4122 section 4.3).
    public init(named name: String, in namespace: QDAGUID = .themeScan) {
        var digest = SHA1.digest(namespace.bytes + Array(name.utf8))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        bytes = Array(digest.prefix(16))
    }

    /// Reads `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in either case, optionally in braces; nil for anything else.
    public init?(parsing text: String) {
        var hex = Substring(text)
        if hex.first == "{" && hex.last == "}" { hex = hex.dropFirst().dropLast() }
        let groups = hex.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return nil }
        var bytes: [UInt8] = []
        let digits = Array(groups.joined())
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(digits[index...index + 1]), radix: 16) else { return nil }
            bytes.append(byte)
        }
        self.bytes = bytes
    }

    /// The UUID version (5 for the GUIDs ThemeScan derives).
    public var version: Int { Int(bytes[6] >> 4) }

    public var description: String {
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }

    public static func < (lhs: QDAGUID, rhs: QDAGUID) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }
}
