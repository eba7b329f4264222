import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct DOCXTests {
    static let office = TestSupport.fixtures.appendingPathComponent("office")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: office.appendingPathComponent(name)))
    }

    @Test func paragraphsInReadingOrder() throws {
        let paragraphs = try DOCXReader.paragraphs(
            in: try Self.bytes("interview.docx"), path: "interview.docx", maximumEntryBytes: 1 << 20)
        #expect(paragraphs == [
            "访谈记录",
            // Runs split inside 抑郁症 by spelling marks and a bookmark join back up.
            "访谈者：你觉得孩子有抑郁症吗？",
            // The tracked deletion 没有 is gone, the insertion kept.
            "受访者：有一点焦虑。",
            "第一列\t第二列\n下一行",
            // The PAGE field instruction is dropped, its result kept.
            "3",
            // One line per table cell paragraph, in reading order.
            "项目", "压力", "学校", "社区", "自伤",
            "Teachers mention bullying often.",
        ])
    }

    @Test func readerCutsTheTextIntoSpeakerTurns() throws {
        let source = DocumentSource(path: "interview.docx", id: "interview.docx")
        let result = try DOCXReader().read(try Self.bytes("interview.docx"), from: source)
        let document = try #require(result.documents.first)
        #expect(result.documents.count == 1)
        #expect(document.format == .docx)
        #expect(document.text.hasPrefix("访谈记录\n访谈者：你觉得孩子有抑郁症吗？\n"))
        #expect(!document.text.contains("没有"))
        #expect(!document.text.contains("PAGE"))
        // The title is unattributed; the Word paragraphs then read as a transcript with the interviewer first.
        #expect(document.segments.first == Segment(role: .unknown, text: "访谈记录", start: 0))
        #expect(document.segments.dropFirst().first == Segment(speaker: "访谈者", role: .interviewer, text: "你觉得孩子有抑郁症吗？", start: 9))
        #expect(Set(document.segments.map(\.role)).isSuperset(of: [.interviewer, .respondent]))
        let scalars = Array(document.text.unicodeScalars)
        for segment in document.segments {
            #expect(String(String.UnicodeScalarView(scalars[segment.start..<segment.start + segment.text.unicodeScalars.count])) == segment.text)
        }
        #expect(document.caseID == "interview.docx")
    }

    @Test func loaderPicksTheDOCXReader() throws {
        let path = Self.office.appendingPathComponent("interview.docx").path
        let result = try DocumentLoader().load(DocumentSource(path: path, id: "interview.docx"))
        #expect(result.documents.first?.text.contains("抑郁症") == true)
    }

    @Test func legacyDocIsUnsupportedWithAdvice() throws {
        let ole = OLECompoundFile.magic + [UInt8](repeating: 0, count: 504)
        do {
            _ = try DOCXReader().read(ole, from: DocumentSource(path: "old.docx", id: "old.docx"))
            Issue.record("an OLE file was read")
        } catch {
            guard case .unsupportedFormat(let path, let advice) = error else { Issue.record("\(error)"); return }
            #expect(path == "old.docx")
            #expect(advice.contains("legacy Word .doc"))
            #expect(advice.contains("password"))
            #expect(advice.contains("save it as .docx"))
        }
    }

    @Test func missingDocumentPartIsNamed() throws {
        do {
            _ = try DOCXReader().read(try Self.bytes("no-document.docx"), from: DocumentSource(path: "n.docx", id: "n"))
            Issue.record("a zip without word/document.xml was read")
        } catch let error as IngestionError {
            guard case .malformed(let location, let reason) = error else { Issue.record("\(error)"); return }
            #expect(location.path == "n.docx")
            #expect(reason.contains("word/document.xml"))
        }
    }

    @Test func truncatedXMLIsMalformedAtItsLine() throws {
        do {
            _ = try DOCXReader().read(try Self.bytes("truncated-xml.docx"), from: DocumentSource(path: "t.docx", id: "t"))
            Issue.record("truncated XML was read")
        } catch let error as IngestionError {
            guard case .malformed(let location, let reason) = error else { Issue.record("\(error)"); return }
            #expect(location.line != nil)
            #expect(reason.contains("word/document.xml is not well-formed XML at line"))
        }
    }

    @Test func corruptZipIsMalformed() throws {
        var bytes = try Self.bytes("interview.docx")
        bytes.removeLast(bytes.count / 3)
        #expect(throws: IngestionError.self) {
            try DOCXReader().read(bytes, from: DocumentSource(path: "c.docx", id: "c"))
        }
    }
}
