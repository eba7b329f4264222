import Foundation
import Testing
import CPlatform

@testable import ThemeScanKit

@Suite struct OutputDirectoryTests {
    private let owned: Set<String> = ["a.csv", "b.csv"]

    private func contents(_ folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            result[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return result
    }

    @Test func writesThenReplacesWholly() throws {
        let parent = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("out")
        let directory = OutputDirectory(path: target.path, ownedNames: owned)
        try directory.write([("a.csv", "1"), ("b.csv", "2")])
        #expect(try contents(target) == ["a.csv": "1", "b.csv": "2"])
        try directory.write([("a.csv", "3")])
        #expect(try contents(target) == ["a.csv": "3"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
    }

    /// Whoever must remove the staging folder when a run is stopped learns of it before it exists: told after, a
    /// signal in between (caught under AddressSanitizer, whose slower code widened the gap) left it behind.
    @Test func theStagingFolderIsAnnouncedBeforeItExists() throws {
        let parent = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        var announced: [String] = []
        let staging = try OutputDirectory(path: parent.appendingPathComponent("out").path, ownedNames: owned).begin {
            announced.append($0.folder)
            #expect(!FileManager.default.fileExists(atPath: $0.folder))
        }
        #expect(announced == [staging.folder])
        #expect(FileManager.default.fileExists(atPath: staging.folder))
        // Stopped right after the announcement, before the folder is made: abandoning it is harmless.
        let early = try OutputDirectory(path: parent.appendingPathComponent("other").path, ownedNames: owned).begin {
            $0.abandon()
        }
        early.discard()
        staging.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func refusesFoldersWithOtherFilesAndLeavesThemAlone() throws {
        let parent = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: target.appendingPathComponent("thesis.docx"))
        #expect(throws: OutputError.foreignFiles(directory: target.path, names: ["thesis.docx"])) {
            try OutputDirectory(path: target.path, ownedNames: owned).write([("a.csv", "1")])
        }
        #expect(try contents(target) == ["thesis.docx": "mine"])
    }

    @Test func refusesAFileInTheWay() throws {
        let parent = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("out")
        try Data("x".utf8).write(to: target)
        #expect(throws: OutputError.notADirectory(target.path)) {
            try OutputDirectory(path: target.path, ownedNames: owned).write([("a.csv", "1")])
        }
    }

    @Test func removesWhatAKilledRunLeftButNotALiveOne() throws {
        let parent = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        // A process that has exited leaves a pid that no longer runs.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = parent.appendingPathComponent(".out.themescan-new-\(finished.processIdentifier)-1")
        let live = parent.appendingPathComponent(".out.themescan-new-\(ProcessInfo.processInfo.processIdentifier)-2")
        let unrelated = parent.appendingPathComponent(".other.themescan-new-\(finished.processIdentifier)-3")
        for folder in [dead, live, unrelated] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try OutputDirectory(path: parent.appendingPathComponent("out").path, ownedNames: owned).write([("a.csv", "1")])
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: parent.path))
        #expect(left == ["out", live.lastPathComponent, unrelated.lastPathComponent])
    }

    #if os(Linux)
    @Test func exchangeSwapsTwoFoldersAtomically() throws {
        let parent = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let first = parent.appendingPathComponent("first")
        let second = parent.appendingPathComponent("second")
        for folder in [first, second] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(folder.lastPathComponent.utf8).write(to: folder.appendingPathComponent("a.csv"))
        }
        #expect(cplatform_exchange_paths(first.path, second.path) == 0)
        #expect(try contents(first) == ["a.csv": "second"])
        #expect(try contents(second) == ["a.csv": "first"])
    }
    #endif
}
