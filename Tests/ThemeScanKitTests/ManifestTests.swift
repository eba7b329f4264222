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
}
