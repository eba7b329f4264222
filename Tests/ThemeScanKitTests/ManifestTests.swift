import Foundation
import Testing

@testable import ThemeScanKit

@Suite struct ManifestTests {
    @Test func assignsCasesMetadataAndInterviewersByPathRelativeToTheManifest() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for name in ["a.txt", "b.txt", "c.txt"] {
            try Data("text".utf8).write(to: data.appendingPathComponent(name))
        }
        let manifestPath = folder.appendingPathComponent("manifest.csv").path
        let (manifest, warnings) = try Manifest.parse(
            """
            file,Case,year,organization,interviewer
            data/a.txt,P01,2021,Org A,说话人1; 说话人3
            ./data/../data/b.txt,P01,2024,,
            data/gone.txt,P09,2024,,
            """, path: manifestPath)
        #expect(warnings.isEmpty)
        let sources = ["a.txt", "b.txt", "c.txt"].map {
            DocumentSource(path: data.appendingPathComponent($0).path, id: $0)
        }
        let (described, applyWarnings) = manifest.apply(to: sources)
        #expect(described.map(\.caseID) == ["P01", "P01", nil])
        #expect(described.map(\.id) == ["data/a.txt", "data/../data/b.txt", "c.txt"])
        #expect(described[0].metadata == ["year": "2021", "organization": "Org A"])
        #expect(described[0].interviewerLabels == ["说话人1", "说话人3"])
        #expect(described[1].metadata == ["year": "2024"])
        #expect(described[1].interviewerLabels == nil)
        #expect(applyWarnings.map(\.description).contains { $0.hasSuffix("c.txt: warning: not in the manifest \(manifest.path); analyzed as a case of its own, without metadata") })
        #expect(applyWarnings.map(\.description).contains { $0.contains("manifest.csv:4: warning:") && $0.hasSuffix("gone.txt does not exist") })
        #expect(manifest.isManifest(folder.appendingPathComponent("./manifest.csv").path))
    }

    @Test func refusesAManifestWithoutAFileColumnAndReportsRowProblems() throws {
        #expect(throws: IngestionError.malformed(
            at: SourceLocation(path: "m.csv", line: 1),
            reason: "the manifest has no `file` column (found: path, case); name the column of input paths `file`")) {
            try Manifest.parse("path,case\na.txt,P1\n", path: "m.csv")
        }
        let (_, warnings) = try Manifest.parse("file,case\na.txt,P1\n,P2\na.txt,P3\n", path: "/tmp/m.csv")
        #expect(warnings.map(\.description) == [
            "/tmp/m.csv:3: warning: row without a file; ignored",
            "/tmp/m.csv:4: warning: a.txt is already described on line 2; this row is ignored",
        ])
        #expect(throws: IngestionError.malformed(
            at: SourceLocation(path: "m.csv", line: 2),
            reason: "unclosed quote: the quoted field opened on line 2 never ends")) {
            try Manifest.parse("file,case\n\"a.txt,P1\n", path: "m.csv")
        }
    }

    @Test func aManifestSavedAsGBKIsReadLikeAnyTextInput() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manifest.csv")
        // "file,case,organization\r\n访谈一.txt,项目甲,平川县向日葵社会工作服务中心\r\n" in GBK, as Python's codec writes it.
        let gbk = Data([
            0x66, 0x69, 0x6C, 0x65, 0x2C, 0x63, 0x61, 0x73, 0x65, 0x2C, 0x6F, 0x72, 0x67, 0x61, 0x6E, 0x69,
            0x7A, 0x61, 0x74, 0x69, 0x6F, 0x6E, 0x0D, 0x0A, 0xB7, 0xC3, 0xCC, 0xB8, 0xD2, 0xBB, 0x2E, 0x74,
            0x78, 0x74, 0x2C, 0xCF, 0xEE, 0xC4, 0xBF, 0xBC, 0xD7, 0x2C, 0xC6, 0xBD, 0xB4, 0xA8, 0xCF, 0xD8,
            0xCF, 0xF2, 0xC8, 0xD5, 0xBF, 0xFB, 0xC9, 0xE7, 0xBB, 0xE1, 0xB9, 0xA4, 0xD7, 0xF7, 0xB7, 0xFE,
            0xCE, 0xF1, 0xD6, 0xD0, 0xD0, 0xC4, 0x0D, 0x0A
        ])
        #expect(String(data: gbk, encoding: .utf8) == nil)
        try gbk.write(to: path)
        let (manifest, _) = try Manifest.load(path: path.path)
        let entry = try #require(manifest.entries.values.first)
        #expect(entry.id == "访谈一.txt")
        #expect(entry.caseID == "项目甲")
        #expect(entry.metadata == ["organization": "平川县向日葵社会工作服务中心"])
    }
}
