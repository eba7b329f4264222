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
