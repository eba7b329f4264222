import Foundation
import Testing

@testable import ThemeScanKit

/// The streaming writer must give the same bytes however rows reach it: buffered, written whole, or moved from a
/// set-aside file, past the points where it starts the disk on what it wrote, past the page cache or through it.
@Suite struct CSVStreamWriterTests {
    @Test(arguments: [true, false])
    func rowsArriveInOrderThroughEveryPath(direct: Bool) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("matches.csv").path
        let setAside = folder.appendingPathComponent("rows.csv")
        // Large enough to pass a writeback point (every 32 MiB) by plain writes, with a pattern that shows any misplaced byte.
        var block = (0..<251).map { UInt8($0) }
        while block.count < 4 << 20 { block += block }
        try Data(block).write(to: setAside)
        let writer = try CSVStreamWriter(path: output, header: ["a", "b"], direct: direct)
        if !direct { #expect(!writer.isDirect) }
        var expected = Array("a,b\r\n".utf8)
        for round in 0..<5 {
            try writer.append(["\(round)", "x,y"])
            expected += Array("\(round),\"x,y\"\r\n".utf8)
            try writer.append(rendered: block)
            expected += block
            try Data(block).write(to: setAside)
            try writer.append(movingRowsFrom: setAside.path)
            expected += block
            #expect(!FileManager.default.fileExists(atPath: setAside.path))
        }
        try writer.close()
        let written = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(written.count == expected.count)
        #expect(written == Data(expected))
    }

    /// Rows set aside on another file system, where the kernel may refuse to copy between files, arrive all the same.
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/shm")))
    func rowsSetAsideOnAnotherFileSystemArriveToo() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let setAside = "/dev/shm/themescan-test-rows-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: setAside) }
        let rows = Array(String(repeating: "doc.txt,孩子,抑郁\r\n", count: 50_000).utf8)
        try Data(rows).write(to: URL(fileURLWithPath: setAside))
        let output = folder.appendingPathComponent("matches.csv").path
        let writer = try CSVStreamWriter(path: output, header: ["h"])
        try writer.append(movingRowsFrom: setAside)
        try writer.append(["last"])
        try writer.close()
        #expect(try Data(contentsOf: URL(fileURLWithPath: output)) == Data(Array("h\r\n".utf8) + rows + Array("last\r\n".utf8)))
        #expect(!FileManager.default.fileExists(atPath: setAside))
    }
}
