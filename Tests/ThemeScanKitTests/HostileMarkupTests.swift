import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile XML and HTML, as `.xml`/`.html` files and as the `word/document.xml` of a DOCX, run through the binary
/// next to a good transcript. Every run is held to the hang bound and a stated peak memory.
@Suite struct HostileMarkupTests {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A DOCX whose `word/document.xml` is `documentXML`.
    static func docx(_ documentXML: String) throws -> [UInt8] {
        try ZipTests.archive([
            ("[Content_Types].xml", Array(#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.utf8)),
            ("word/document.xml", Array(documentXML.utf8)),
        ])
    }

    /// A Word body holding one paragraph of `text` (markup allowed), after an optional DOCTYPE.
    static func wordDocument(_ text: String, doctype: String = "") -> String {
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + doctype
            + #"<w:document xmlns:w="\#(wordNamespace)"><w:body><w:p><w:r><w:t>"# + text
            + "</w:t></w:r></w:p></w:body></w:document>\n"
    }

    /// A DOCTYPE declaring `entities` (name, declaration body) for the root element `root`.
    static func doctype(_ root: String, _ entities: [(String, String)]) -> String {
        "<!DOCTYPE \(root) [\n" + entities.map { "<!ENTITY \($0.0) \($0.1)>\n" }.joined() + "]>\n"
    }

    /// A TCP listener on 127.0.0.1 that only queues connections: one queued after a run means the run reached out.
    final class LoopbackListener {
        let socket: Int32
        let port: UInt16

        init() throws {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, listen(socket, 16) == 0 else {
                close(socket)
                throw POSIXError(.EADDRINUSE)
            }
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
            }
            _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
            self.socket = socket
            port = UInt16(bigEndian: address.sin_port)
        }

        /// Whether any connection was made to the listener.
        var wasContacted: Bool {
            let connection = accept(socket, nil, nil)
            if connection >= 0 { close(connection) }
            return connection >= 0
        }

        deinit { close(socket) }
    }

    /// External entities (a local file, an http URL) are never resolved: their content reaches no output file and
    /// no message, and no connection is attempted; the documents around them are read, XML and DOCX with a warning
    /// naming the unread entities. Bound: 256 MiB.
    @Test func externalEntitiesAreNeverResolved() throws {
        let workspace = try HostileWorkspace()
        let marker = "SECRET-MARKER-7731"
        // The secret lies outside the inputs, as a file the analyst never named.
        let secret = workspace.folder.appendingPathComponent("private/secret.txt")
        try workspace.write("private/secret.txt", "\(marker) 抑郁症")
        let listener = try LoopbackListener()
        let url = "http://127.0.0.1:\(listener.port)/leak"
        let entities = [("local", #"SYSTEM "file://\#(secret.path)""#), ("remote", #"SYSTEM "\#(url)""#)]
        try workspace.write(
            "xxe.xml", #"<?xml version="1.0"?>"# + "\n" + Self.doctype("r", entities) + "<r><p>before &local; &remote; 欺凌</p></r>\n")
        try workspace.write(
            "xxe.html", Self.doctype("html", entities) + "<html><body><p>before &local; &remote; 欺凌</p></body></html>")
        try workspace.write("xxe.docx", try Self.docx(Self.wordDocument("before &local; &remote; 欺凌", doctype: Self.doctype("w:document", entities))))
        let outcome = try workspace.analyze(["xxe.xml", "xxe.html", "xxe.docx"])
        try workspace.expectHandled(outcome, hostile: "xxe.xml", peakMiB: 256)
        let unread = "external entities (&local;, &remote;); ThemeScan never reads the files or URLs a document points to, so "
            + "their text is left out"
        #expect(outcome.lines.contains("xxe.xml: warning: the file declares \(unread)"), "\(outcome.standardError)")
        #expect(outcome.lines.contains("xxe.docx: warning: word/document.xml declares \(unread)"))
        let documents = try workspace.output("documents.csv")
        for name in ["xxe.xml", "xxe.html", "xxe.docx"] { #expect(documents.contains("\n\(name),")) }
        // The text around the references is read: one 欺凌 per hostile file.
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(3)))
        #expect(!(try workspace.outputContains(marker)), "the secret file's content reached an output")
        #expect(!outcome.standardError.contains(marker) && !outcome.standardOutput.contains(marker))
        #expect(!listener.wasContacted, "the run connected to the entity's http URL")
    }

    /// Billion laughs: nested entities are refused by libxml2's loop detection, with the file and line; HTML has no
    /// entity declarations, so a page carrying them is read as text without expanding anything. Bound: 256 MiB.
    @Test func billionLaughsIsRefused() throws {
        let workspace = try HostileWorkspace()
        var entities = [("lol", #""lol""#)]
        for level in 1...9 {
            entities.append(("lol\(level)", "\"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\""))
        }
        try workspace.write("laughs.xml", #"<?xml version="1.0"?>"# + "\n" + Self.doctype("lolz", entities) + "<lolz>&lol9;</lolz>\n")
        try workspace.write("laughs.docx", try Self.docx(Self.wordDocument("&lol9;", doctype: Self.doctype("w:document", entities))))
        try workspace.write("laughs.html", Self.doctype("html", entities) + "<html><body><p>&lol9; 欺凌</p></body></html>")
        let outcome = try workspace.analyze(["laughs.xml", "laughs.docx", "laughs.html"])
        try workspace.expectHandled(outcome, hostile: "laughs.xml", peakMiB: 256)
        #expect(outcome.lines.contains("laughs.xml:1:7: error: not well-formed XML: Detected an entity reference loop; skipped"))
        #expect(
            outcome.lines.contains(
                "laughs.docx:1: error: word/document.xml is not well-formed XML at line 1 (Detected an entity reference "
                    + "loop); the file may be damaged: re-save it; skipped"))
        #expect(try workspace.output("documents.csv").contains("\nlaughs.html,"))
        #expect(!(try workspace.outputContains("lollollol")))
    }

    /// Quadratic blowup (one 50 KB entity referenced 20,000 times: 110 KB standing for 1 GB of text) is refused
    /// at the line of the reference that passes the budget, in XML and in DOCX. Bound: 256 MiB (unbounded, this
    /// took over 3 GiB and past the hang bound).
    @Test func quadraticBlowupIsRefused() throws {
        let workspace = try HostileWorkspace()
        let entities = [("a", "\"" + String(repeating: "x", count: 50_000) + "\"")]
        let references = String(repeating: "&a;", count: 20_000)
        try workspace.write("quad.xml", #"<?xml version="1.0"?>"# + "\n" + Self.doctype("r", entities) + "<r>\(references)</r>\n")
        try workspace.write("quad.docx", try Self.docx(Self.wordDocument(references, doctype: Self.doctype("w:document", entities))))
        try workspace.write("quad.html", Self.doctype("html", entities) + "<html><body><p>\(references) 欺凌</p></body></html>")
        let outcome = try workspace.analyze(["quad.xml", "quad.docx", "quad.html"])
        try workspace.expectHandled(outcome, hostile: "quad.xml", peakMiB: 256)
        #expect(
            outcome.lines.contains {
                $0.hasPrefix("quad.xml:5: error: not well-formed XML: entity references expand to more than ")
                    && $0.hasSuffix("(an entity expansion attack); skipped")
            }, "\(outcome.standardError)")
        #expect(outcome.lines.contains { $0.hasPrefix("quad.docx:5: error: word/document.xml is not well-formed XML at line 5 (entity references expand") })
        #expect(try workspace.output("documents.csv").contains("\nquad.html,"))
    }

    /// 100,000 nested elements: XML and DOCX are refused at libxml2's depth limit (256) with the line; an HTML page
    /// keeps the text before the limit, with a warning at the line where libxml2 stopped. Bound: 256 MiB.
    @Test func deepNestingIsBounded() throws {
        let workspace = try HostileWorkspace()
        let depth = 100_000
        try workspace.write(
            "deep.xml", #"<?xml version="1.0"?>"# + "\n" + String(repeating: "<a>", count: depth) + "x" + String(repeating: "</a>", count: depth))
        try workspace.write(
            "deep.docx",
            try Self.docx(Self.wordDocument(String(repeating: "<w:r>", count: depth) + String(repeating: "</w:r>", count: depth))))
        try workspace.write(
            "deep.html",
            "<html><body><p>欺凌</p>" + String(repeating: "<div>", count: depth) + "x" + String(repeating: "</div>", count: depth)
                + "</body></html>")
        let outcome = try workspace.analyze(["deep.xml", "deep.docx", "deep.html"])
        try workspace.expectHandled(outcome, hostile: "deep.xml", peakMiB: 256)
        #expect(outcome.lines.contains { $0.hasPrefix("deep.xml:2:") && $0.hasSuffix("error: not well-formed XML: Excessive depth in document: 256 use XML_PARSE_HUGE option; skipped") })
        #expect(outcome.lines.contains { $0.hasPrefix("deep.docx:2: error: word/document.xml is not well-formed XML at line 2 (Excessive depth") })
        // libxml2 halts the page at its depth limit; the text read before that is kept and the cut is reported.
        #expect(
            outcome.lines.contains(
                "deep.html:1: warning: the page could not be read past this point (libxml2 stopped parsing here, as it "
                    + "does where elements nest more than 256 deep); the text after it is left out"), "\(outcome.standardError)")
        #expect(try workspace.output("documents.csv").contains("\ndeep.html,"))
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(1)))
    }

    /// Truncated XML and DOCX are refused at the line where the data ends; a truncated page keeps what it has.
    @Test func truncatedMarkupIsLocated() throws {
        let workspace = try HostileWorkspace()
        try workspace.write("trunc.xml", "<?xml version=\"1.0\"?>\n<r>\n<p>抑郁 text</p>\n<p>more")
        try workspace.write("trunc.docx", try Self.docx(Self.wordDocument("抑郁").components(separatedBy: "</w:t>")[0]))
        try workspace.write("trunc.html", "<html><body><p>欺凌 text</p><p>more <b")
        let outcome = try workspace.analyze(["trunc.xml", "trunc.docx", "trunc.html"])
        try workspace.expectHandled(outcome, hostile: "trunc.xml", peakMiB: 256)
        #expect(outcome.lines.contains("trunc.xml:4:8: error: not well-formed XML: Premature end of data in tag p line 4; skipped"))
        #expect(
            outcome.lines.contains(
                "trunc.docx:2: error: word/document.xml is not well-formed XML at line 2 (Premature end of data in tag t "
                    + "line 2); the file may be damaged: re-save it; skipped"))
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(1)))
    }

    /// Declared encodings the bytes are not in: XML and DOCX are refused at the declaration's line, without
    /// libxml2 printing its own messages; an HTML page is read by what its bytes are.
    @Test func wrongDeclaredEncodingsAreLocated() throws {
        let workspace = try HostileWorkspace()
        try workspace.write("utf16.xml", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<r>抑郁</r>\n")
        try workspace.write("gb.xml", "<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<r>抑郁 焦虑</r>\n")
        try workspace.write("unknown.xml", "<?xml version=\"1.0\" encoding=\"x-no-such\"?>\n<r>抑郁</r>\n")
        try workspace.write("utf16.docx", try Self.docx(Self.wordDocument("抑郁").replacingOccurrences(of: "UTF-8", with: "UTF-16")))
        // A page saying gb2312 that is UTF-8, and one saying utf-8 that is GB18030.
        try workspace.write("says-gb.html", "<html><head><meta charset=\"gb2312\"></head><body><p>欺凌问题</p></body></html>")
        // "<p>校园欺凌问题越来越多，需要关注。孩子们的心理健康教育</p>" in GBK.
        let gbBody: [UInt8] = [
            60, 112, 62, 208, 163, 212, 176, 198, 219, 193, 232, 206, 202, 204, 226, 212, 189, 192, 180, 212, 189, 182,
            224, 163, 172, 208, 232, 210, 170, 185, 216, 215, 162, 161, 163, 186, 162, 215, 211, 195, 199, 181, 196,
            208, 196, 192, 237, 189, 161, 191, 181, 189, 204, 211, 253, 60, 47, 112, 62,
        ]
        try workspace.write(
            "says-utf8.html", Array("<html><head><meta charset=\"utf-8\"></head><body>".utf8) + gbBody + Array("</body></html>".utf8))
        let outcome = try workspace.analyze(["utf16.xml", "gb.xml", "unknown.xml", "utf16.docx", "says-gb.html", "says-utf8.html"])
        try workspace.expectHandled(outcome, hostile: "utf16.xml", peakMiB: 256)
        #expect(outcome.lines.contains("utf16.xml:1:38: error: not well-formed XML: Document labelled UTF-16 but has UTF-8 content; skipped"))
        #expect(outcome.lines.contains { $0.hasPrefix("gb.xml:2:") && $0.contains("error: not well-formed XML") })
        #expect(outcome.lines.contains("unknown.xml:1:41: error: not well-formed XML: Unsupported encoding x-no-such; skipped"))
        #expect(outcome.lines.contains { $0.hasPrefix("utf16.docx:1: error: word/document.xml is not well-formed XML at line 1 (Document labelled UTF-16") })
        #expect(
            outcome.lines.contains(
                "says-utf8.html: warning: the file declares utf-8 but its bytes are not in that encoding; read as GB18030"),
            "\(outcome.standardError)")
        #expect(try workspace.output("documents.csv").contains("\nsays-utf8.html,says-utf8.html,says-utf8.html,html,GB18030,"))
        // libxml2's own "encoding error :" lines would be printed from inside the library.
        #expect(!outcome.standardError.contains("encoding error"))
        #expect(!outcome.standardError.contains("I/O error"))
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(2)))
    }
}
