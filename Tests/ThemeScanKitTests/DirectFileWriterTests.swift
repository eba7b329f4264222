import Foundation
import Testing

@testable import ThemeScanKit

/// The file written past the page cache holds exactly the bytes written, however they were cut: direct writes go
/// in whole blocks and the tail through the page cache, so every length around a block or buffer edge is tried.
@Suite struct DirectFileWriterTests {
    static let block = DirectFileWriter.blockSize
    static let buffer = DirectFileWriter.bufferSize

    /// Bytes that differ from their neighbours for a long way, so a misplaced piece shows.
    static let pattern = (0..<(4 * buffer)).map { UInt8(truncatingIfNeeded: $0 % 251 &+ $0 / 251) }

    @Test(arguments: [true, false])
    func piecesOfEveryLengthArriveInOrder(direct: Bool) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let block = Self.block
        let small = [0, 1, block - 1, block, block + 1, 3 * block + 17, 5, block - 5]
        let lengths = small + [Self.buffer - 1] + small.reversed() + [Self.buffer + 1] + small
        for first in [0, block, block + 3, Self.buffer + block - 1] {
            let path = folder.appendingPathComponent("\(direct)-\(first).bin").path
            let writer = try DirectFileWriter(path: path, direct: direct)
            if !direct { #expect(!writer.isDirect) }
            let engaged = writer.isDirect
            var end = 0
            for length in [first] + lengths {
                try writer.write(Array(Self.pattern[end..<(end + length)]))
                end += length
            }
            // Whole blocks from aligned buffers: a file system that took the flag takes every write but the tail.
            if engaged { #expect(writer.isDirect) }
            try writer.close(synchronizing: true)
            let written = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(written.count == end)
            #expect(written == Data(Self.pattern[..<end]))
        }
    }

    /// The appended file is read past the page cache where it can be, in whole blocks from its start, and through
    /// the cache from an offset that is not a block's (a direct read there is refused); either way every byte from
    /// where the descriptor stood arrives, and the descriptor is left as it came.
    @Test(arguments: [true, false], [0, 3, 4096])
    func anotherFileIsAppendedWhole(direct: Bool, from offset: Int) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sourcePath = folder.appendingPathComponent("source.bin")
        let source = (0..<(2 * Self.buffer + 777)).map { UInt8(truncatingIfNeeded: $0 % 251 &+ $0 / 251) }
        try Data(source).write(to: sourcePath)
        let path = folder.appendingPathComponent("out.bin").path
        let writer = try DirectFileWriter(path: path, direct: direct)
        let head = Array("header\r\n".utf8)
        try writer.write(head)
        let descriptor = open(sourcePath.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(lseek(descriptor, off_t(offset), SEEK_SET) == off_t(offset))
        let flags = fcntl(descriptor, F_GETFL)
        try writer.append(contentsOf: descriptor)
        #expect(fcntl(descriptor, F_GETFL) == flags)
        try writer.write(head)
        try writer.close(synchronizing: false)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(head + source[offset...] + head))
    }

    /// Buffers are written on a background thread; a failure there is thrown by the writer's next call.
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")))
    func aFailedBackgroundWriteIsReported() throws {
        let writer = try DirectFileWriter(path: "/dev/full")
        #expect(throws: DirectFileWriter.Failure.self) {
            for _ in 0..<3 { try writer.write(Array(Self.pattern[..<Self.buffer])) }
            try writer.close(synchronizing: false)
        }
    }

    @Test func anExclusiveFileIsNotReplacedAndKeepsItsPermissions() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("taken.bin").path
        try Data("kept".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: DirectFileWriter.Failure.self) { try DirectFileWriter(path: path, exclusive: true) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kept")
        let privatePath = folder.appendingPathComponent("private.bin").path
        let writer = try DirectFileWriter(path: privatePath, permissions: 0o600, exclusive: true)
        try writer.close(synchronizing: false)
        let permissions = try FileManager.default.attributesOfItem(atPath: privatePath)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }
}
