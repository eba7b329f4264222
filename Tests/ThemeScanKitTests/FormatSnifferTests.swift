import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct FormatSnifferTests {
    private let sniffer = FormatSniffer()

    private func format(_ text: String, _ pathExtension: String) throws -> DocumentFormat {
        try sniffer.format(of: Array(text.utf8), pathExtension: pathExtension, path: "f.\(pathExtension)")
    }

    @Test func contentWinsOverTheExtension() throws {
        #expect(try format("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nhi", "txt") == .webVTT)
        #expect(try format("1\n00:00:01,000 --> 00:00:02,000\nhi\n", "txt") == .subRip)
        #expect(try format("<!DOCTYPE html><html><body>x</body></html>", "txt") == .html)
        #expect(try format("<html><table><tr><td>1</td></tr></table></html>", "xls") == .xls)
        #expect(try format("<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"/>", "xml") == .xls)
        #expect(try format("<?xml version=\"1.0\"?><responses/>", "txt") == .xml)
        #expect(try format("访谈者：你好", "md") == .markdown)
        #expect(try format("a,b\n1,2\n", "csv") == .csv)
        #expect(try format("plain", "weird") == .text)
        // UTF-16 with a BOM still shows its markup once the zero bytes are set aside.
        let body: [UInt8] = Array("WEBVTT\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16: [UInt8] = [0xFF, 0xFE] + body
        #expect(try sniffer.format(of: utf16, pathExtension: "txt", path: "f.txt") == .webVTT)
    }

    @Test func zipsAreToldApartByTheirEntriesAndOfficeContainersAreRefused() throws {
        let zipHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        #expect(try sniffer.format(of: zipHeader + Array("....word/document.xml".utf8), pathExtension: "bin", path: "a") == .docx)
        #expect(try sniffer.format(of: zipHeader + Array("....xl/workbook.xml".utf8), pathExtension: "zip", path: "a") == .xlsx)
        #expect(throws: IngestionError.self) {
            try sniffer.format(of: zipHeader + Array("....other.txt".utf8), pathExtension: "zip", path: "a.zip")
        }
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]
        do {
            _ = try sniffer.format(of: ole, pathExtension: "docx", path: "secret.docx")
            Issue.record("an OLE container must be refused")
        } catch {
            #expect(error.path == "secret.docx")
            #expect(error.message.contains("save it as .docx without a password"))
        }
        do {
            _ = try sniffer.format(of: ole, pathExtension: "xls", path: "old.xls")
            Issue.record("a binary .xls must be refused")
        } catch {
            #expect(error.message.contains("save it as .xlsx without a password, or as CSV"))
        }
    }
}
