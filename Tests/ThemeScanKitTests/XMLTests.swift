import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct XMLTests {
    @Test func parsesAndNavigates() throws {
        let xml = """
            <?xml version="1.0"?>
            <r:root xmlns:r="urn:test" id="7"><r:item n="1">抑郁 &amp; 焦虑</r:item><!-- note --><r:item n="2">压力</r:item></r:root>
            """
        let tree = try XMLTree(xml: Array(xml.utf8))
        let root = try #require(tree.root)
        #expect(root.localName == "root")
        #expect(root.namespaceURI == "urn:test")
        #expect(root.attribute("id") == "7")
        #expect(root.namespaceDeclarations == ["r": "urn:test"])
        let items = root.elementChildren
        #expect(items.map(\.textContent) == ["抑郁 & 焦虑", "压力"])
        #expect(items.map { $0.attribute("n") } == ["1", "2"])
        #expect(root.children.contains { $0.kind == .comment })
        #expect(items[0].line == 2)
    }

    @Test func xpathWithNamespacesAndValues() throws {
        let xml = "<r:root xmlns:r='urn:test'><r:item n='1'>a</r:item><r:item n='2'>b</r:item></r:root>"
        let tree = try XMLTree(xml: Array(xml.utf8))
        let nodes = try tree.evaluate("//t:item", namespaces: ["t": "urn:test"]).nodes
        #expect(nodes.map(\.textContent) == ["a", "b"])
        let value = try tree.evaluate("string(@n)", from: nodes[1])
        guard case .value(let n) = value else { Issue.record("expected a value"); return }
        #expect(n == "2")
        #expect(try tree.evaluate("count(//t:item)", namespaces: ["t": "urn:test"]).nodes.isEmpty)
    }

    @Test func badXPathIsAnError() throws {
        let tree = try XMLTree(xml: Array("<a/>".utf8))
        #expect(throws: MarkupError.self) { try tree.evaluate("//a[") }
        #expect(throws: MarkupError.self) { try tree.evaluate("//x:a") }
    }

    @Test func truncatedXMLReportsTheLine() throws {
        let xml = "<root>\n<a>one</a>\n<b>two"
        do {
            _ = try XMLTree(xml: Array(xml.utf8))
            Issue.record("truncated XML parsed")
        } catch {
            guard case .notWellFormed(let line, _, let reason) = error else { Issue.record("\(error)"); return }
            #expect(line == 3)
            #expect(!reason.isEmpty)
        }
    }

    /// Errors are collected per parse, so parses on many threads each report their own first problem.
    @Test func concurrentParsesKeepTheirOwnErrors() async throws {
        let lines = await withTaskGroup(of: (Int, Int?).self) { group in
            for breakLine in 2...33 {
                group.addTask {
                    let xml = "<r>" + String(repeating: "\n<a>x</a>", count: breakLine - 2) + "\n<a>x</b>\n</r>"
                    let result = Result { () throws(MarkupError) -> XMLTree in try XMLTree(xml: Array(xml.utf8)) }
                    guard case .failure(.notWellFormed(let line, _, _)) = result else { return (breakLine, nil) }
                    return (breakLine, line)
                }
            }
            var lines: [(Int, Int?)] = []
            for await result in group { lines.append(result) }
            return lines
        }
        #expect(lines.count == 32)
        for (expected, line) in lines { #expect(line == expected) }
    }

    @Test func externalEntityIsNotResolved() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.txt")
        try "TOP-SECRET-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY xxe SYSTEM "file://\(secret.path)"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>
            <r><a>before &xxe; after</a><b>&web;</b></r>
            """
        let tree = try XMLTree(xml: Array(xml.utf8))
        let text = try #require(tree.root).textContent
        #expect(!text.contains("TOP-SECRET"))
        #expect(text.contains("before"))
        #expect(text.contains("after"))
    }

    @Test func billionLaughsFailsWithALocatedError() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for level in 2...9 {
            let previous = "&lol\(level - 1);"
            xml += "<!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>\n"
        do {
            let tree = try XMLTree(xml: Array(xml.utf8))
            // Should libxml2 ever accept the document, its text must not be the billion laughs.
            Issue.record("billion laughs parsed: \(tree.root?.textContent.utf8.count ?? 0) bytes")
        } catch {
            guard case .notWellFormed(let line, _, let reason) = error else { Issue.record("\(error)"); return }
            #expect(line != nil)
            #expect(!reason.isEmpty)
        }
    }

    @Test func schemaValidation() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = folder.appendingPathComponent("s.xsd")
        try """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="root"><xs:complexType><xs:sequence>
                <xs:element name="item" type="xs:int" maxOccurs="unbounded"/>
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """.write(to: schema, atomically: true, encoding: .utf8)
        let valid = try XMLTree(xml: Array("<root><item>1</item><item>2</item></root>".utf8))
        #expect(try valid.validate(againstSchemaAt: schema.path).isValid)
        let invalid = try XMLTree(xml: Array("<root>\n<item>1</item>\n<item>two</item></root>".utf8))
        let result = try invalid.validate(againstSchemaAt: schema.path)
        #expect(!result.isValid)
        #expect(result.firstProblemLine == 3)
        #expect(result.firstProblem?.contains("two") == true)
        #expect(throws: MarkupError.self) { try valid.validate(againstSchemaAt: folder.appendingPathComponent("none.xsd").path) }
    }

    @Test func htmlParsesLenientlyWithAnEncoding() throws {
        let html: [UInt8] = Array("<html><body><p>one<p>two &amp; three</body>".utf8)
        let tree = try XMLTree(html: html, encoding: "UTF-8")
        let paragraphs = try tree.evaluate("//p").nodes
        #expect(paragraphs.map(\.textContent) == ["one", "two & three"])
    }
}

@Suite struct XMLReaderTests {
    static let interviews = """
        <?xml version="1.0" encoding="UTF-8"?>
        <corpus xmlns:m="urn:meta">
          <interview program="P01"><m:title>第一次</m:title>
            <turn>访谈者：孩子最近怎么样？</turn>
            <turn>受访者：有点<em>焦虑</em>。</turn>
          </interview>
          <interview program="P02"><m:title>第二次</m:title>
            <turn>压力很大</turn>
          </interview>
        </corpus>
        """

    static func read(_ xml: String, _ configure: (inout IngestionOptions) -> Void = { _ in }) throws -> ReadResult {
        var options = IngestionOptions()
        configure(&options)
        return try XMLReader(options: options).read(Array(xml.utf8), from: DocumentSource(path: "c.xml", id: "c.xml"))
    }

    @Test func allTextAsOneDocument() throws {
        let result = try Self.read(Self.interviews)
        let document = try #require(result.documents.first)
        #expect(result.documents.count == 1)
        #expect(document.text == "第一次\n访谈者：孩子最近怎么样？\n受访者：有点焦虑。\n第二次\n压力很大")
        #expect(document.encoding == "UTF-8")
        #expect(document.format == .xml)
    }

    @Test func oneDocumentPerNodeWithCaseAndText() throws {
        let result = try Self.read(Self.interviews) {
            $0.xpath = "//interview"
            $0.caseXPath = "@program"
            $0.textXPath = "turn"
        }
        #expect(result.documents.map(\.id) == ["c.xml#node-1", "c.xml#node-2"])
        #expect(result.documents.map(\.caseID) == ["P01", "P02"])
        #expect(result.documents.map(\.text) == ["访谈者：孩子最近怎么样？\n受访者：有点焦虑。", "压力很大"])
    }

    @Test func rootPrefixesWorkInExpressions() throws {
        let result = try Self.read(Self.interviews) {
            $0.xpath = "//interview"
            $0.caseXPath = "string(m:title)"
        }
        #expect(result.documents.map(\.caseID) == ["第一次", "第二次"])
        #expect(result.documents.first?.text == "第一次\n访谈者：孩子最近怎么样？\n受访者：有点焦虑。")
    }

    @Test func noMatchWarns() throws {
        let result = try Self.read(Self.interviews) { $0.xpath = "//answer" }
        #expect(result.documents.isEmpty)
        #expect(result.warnings.first?.message.contains("//answer") == true)
    }

    @Test func externalEntityDoesNotLeakThroughTheReader() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("passwd")
        try "root:x:0:0:SECRET".write(to: secret, atomically: true, encoding: .utf8)
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"\(secret.path)\">]>\n<r><a>x &xxe; y</a></r>"
        let text = try #require(try Self.read(xml).documents.first).text
        #expect(!text.contains("SECRET"))
        #expect(text.contains("x"))
    }

    @Test func billionLaughsIsMalformedWithALine() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE z [\n<!ENTITY a0 \"ha\">\n"
        for level in 1...12 { xml += "<!ENTITY a\(level) \"\(String(repeating: "&a\(level - 1);", count: 10))\">\n" }
        xml += "]>\n<z>&a12;</z>\n"
        do {
            _ = try Self.read(xml)
            Issue.record("the entity bomb was read")
        } catch let error as IngestionError {
            guard case .malformed(let location, let reason) = error else { Issue.record("\(error)"); return }
            #expect(location.line != nil)
            #expect(reason.hasPrefix("not well-formed XML"))
        }
    }

    @Test func encodingDeclaredInTheFileIsReported() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<r>".utf8)
        bytes += [0xD2, 0xD6, 0xD3, 0xF4]  // 抑郁 in GB2312
        bytes += Array("</r>".utf8)
        let result = try XMLReader().read(bytes, from: DocumentSource(path: "g.xml", id: "g.xml"))
        let document = try #require(result.documents.first)
        #expect(document.text == "抑郁")
        #expect(document.encoding == "GB18030")
    }
}
