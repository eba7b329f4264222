import Foundation
import Testing

@testable import ThemeScanKit

/// Files are read whole into one array, or in pieces, with the bytes they hold and the limit they are read under.
@Suite struct RegularFileTests {
    static func file(bytes count: Int) throws -> (path: String, bytes: [UInt8]) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("regular-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    @Test(arguments: [0, 1, 4095, 1 << 20, (1 << 20) + 3, 3 << 20])
    func aFileIsReadWholeAndInPieces(size: Int) throws {
        let (path, bytes) = try Self.file(bytes: size)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try RegularFile.read(path, limit: size) == bytes)
        #expect(try RegularFile.read(path, limit: size + 1) == bytes)
        if size > 0 {
            #expect(throws: RegularFile.Failure.tooLarge(bytes: size)) { try RegularFile.read(path, limit: size - 1) }
        }
        let file = try RegularFile(path: path)
        var pieces: [UInt8] = []
        var sizes: [Int] = []
        while let piece = try file.read(upTo: 1 << 20) {
            sizes.append(piece.count)
            pieces += piece
        }
        #expect(pieces == bytes)
        #expect(sizes.allSatisfy { $0 > 0 && $0 <= 1 << 20 })
    }
}
