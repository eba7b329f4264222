import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct HTMLTests {
    static let article = TestSupport.fixtures.appendingPathComponent("html/article-gb2312.html")

    static func read(_ bytes: [UInt8], options: IngestionOptions = IngestionOptions()) throws -> ReadResult {
        try HTMLReader(options: options).read(bytes, from: DocumentSource(path: "page.html", id: "page.html"))
    }

    @Test func gb2312PageGivesOnlyTheArticleText() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.article))
        let result = try Self.read(bytes)
        let document = try #require(result.documents.first)
        #expect(document.encoding == "GB18030")
        #expect(document.format == .html)
        #expect(document.text == """
            儿童心理健康项目
            项目在学校开展， 关注儿童的 抑郁和焦虑。
            家长&老师都参与了心理辅导。
            第二行
            """)
        #expect(document.segments == [Segment(text: document.text, start: 0)])
    }

    @Test func charsetSniffing() {
        #expect(HTMLCharsetSniffer.declaredCharset(in: Array("<meta charset=\"GBK\">".utf8)) == "gbk")
        #expect(HTMLCharsetSniffer.declaredCharset(in: Array("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=big5'>".utf8)) == "big5")
        #expect(HTMLCharsetSniffer.declaredCharset(in: Array("<?xml version=\"1.0\" encoding='gb2312'?><html/>".utf8)) == "gb2312")
        #expect(HTMLCharsetSniffer.declaredCharset(in: Array("<p>charset=utf-8 in text</p>".utf8)) == nil)
        let late = String(repeating: " ", count: 1100) + "<meta charset=gbk>"
        #expect(HTMLCharsetSniffer.declaredCharset(in: Array(late.utf8)) == nil)
    }

    @Test func undeclaredUTF8IsUTF8() throws {
        let result = try Self.read(Array("<html><body><p>孩子&nbsp;压力&lt;大&gt;</p><p>第二段</p></body></html>".utf8))
        let document = try #require(result.documents.first)
        #expect(document.encoding == "UTF-8")
        #expect(document.text == "孩子\u{A0}压力<大>\n第二段")
    }

    @Test func xpathKeepsOnlySelectedNodes() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.article))
        var options = IngestionOptions()
        options.xpath = "//div[@id='content']//p"
        let document = try #require(try Self.read(bytes, options: options).documents.first)
        #expect(document.text == "项目在学校开展， 关注儿童的 抑郁和焦虑。\n家长&老师都参与了心理辅导。\n第二行")
    }

    @Test func xpathWithoutMatchWarnsAndGivesNoDocument() throws {
        var options = IngestionOptions()
        options.xpath = "//div[@id='missing']"
        let result = try Self.read(Array("<html><body><p>text</p></body></html>".utf8), options: options)
        #expect(result.documents.isEmpty)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.severity == .warning)
        #expect(result.warnings.first?.message.contains("//div[@id='missing']") == true)
    }

    @Test func badXPathIsMalformed() throws {
        var options = IngestionOptions()
        options.xpath = "//div["
        #expect(throws: IngestionError.self) { try Self.read(Array("<p>x</p>".utf8), options: options) }
    }

    @Test func tablesAndPreformattedText() throws {
        let html = "<table><tr><td>甲</td><td>乙</td></tr></table><pre>a  b\nc</pre><p>x<span> y </span>z</p>"
        let document = try #require(try Self.read(Array(html.utf8)).documents.first)
        #expect(document.text == "甲\n乙\na  b\nc\nx y z")
    }

    @Test func loaderPicksTheHTMLReader() throws {
        let result = try DocumentLoader().load(DocumentSource(path: Self.article.path, id: "a.html"))
        #expect(result.documents.first?.text.hasPrefix("儿童心理健康项目") == true)
    }
}
