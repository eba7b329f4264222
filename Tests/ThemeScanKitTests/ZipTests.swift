import Foundation
import Testing
import ZIPFoundation

@testable import ThemeScanKit

@Suite struct ZipTests {
    /// A zip archive built in memory from entry names and contents, deflated.
    static func archive(_ entries: [(name: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        return [UInt8](try #require(archive.data))
    }

    @Test func listsAndExtractsEntries() throws {
        let bytes = try Self.archive([("a.txt", Array("alpha".utf8)), ("dir/b.xml", Array("<b/>".utf8))])
        let reader = try ZipArchiveReader(bytes: bytes, path: "x.zip")
        #expect(reader.entryNames == ["a.txt", "dir/b.xml"])
        #expect(try reader.bytes(of: "dir/b.xml") == Array("<b/>".utf8))
        #expect(reader.contains("a.txt"))
        #expect(!reader.contains("c.txt"))
    }

    @Test func missingEntryIsNamed() throws {
        let bytes = try Self.archive([("a.txt", Array("alpha".utf8))])
        let reader = try ZipArchiveReader(bytes: bytes, path: "x.zip")
        #expect(throws: IngestionError.malformed(at: SourceLocation(path: "x.zip"), reason: "the zip archive has no entry word/document.xml")) {
            try reader.bytes(of: "word/document.xml")
        }
    }

    @Test func zipBombStopsAtTheCap() throws {
        // 8 MiB of zeros deflates to a few KiB; the cap is 1 MiB.
        let zeros = [UInt8](repeating: 0, count: 8 << 20)
        let bytes = try Self.archive([("bomb.bin", zeros)])
        #expect(bytes.count < 64 << 10)
        let reader = try ZipArchiveReader(bytes: bytes, path: "bomb.zip", maximumEntryBytes: 1 << 20)
        do {
            _ = try reader.bytes(of: "bomb.bin")
            Issue.record("the bomb inflated past the cap")
        } catch {
            guard case .malformed(let location, let reason) = error else { Issue.record("\(error)"); return }
            #expect(location.path == "bomb.zip")
            #expect(reason.contains("bomb.bin"))
            #expect(reason.contains("more than 1048576 bytes"))
        }
        // Under a cap it fits in, the same entry comes out whole.
        let roomy = try ZipArchiveReader(bytes: bytes, path: "bomb.zip", maximumEntryBytes: 8 << 20)
        #expect(try roomy.bytes(of: "bomb.bin").count == 8 << 20)
    }

    @Test func truncatedArchiveIsMalformed() throws {
        let bytes = try Self.archive([("a.txt", [UInt8](repeating: 65, count: 5000))])
        let truncated = Array(bytes.prefix(bytes.count / 2))
        #expect(throws: IngestionError.self) { try ZipArchiveReader(bytes: truncated, path: "t.zip") }
        do {
            _ = try ZipArchiveReader(bytes: truncated, path: "t.zip")
        } catch {
            #expect(error.location.path == "t.zip")
            #expect(error.message.contains("truncated or corrupt"))
        }
    }

    @Test func corruptEntryIsNamed() throws {
        let text = (0..<2000).map { "line \($0) of some text\n" }.joined()
        var bytes = try Self.archive([("doc.txt", Array(text.utf8))])
        // Flip bytes in the middle of the deflated data (after the 30-byte local header and the name).
        for offset in 60..<80 { bytes[offset] ^= 0xFF }
        let reader = try ZipArchiveReader(bytes: bytes, path: "c.zip")
        do {
            _ = try reader.bytes(of: "doc.txt")
            Issue.record("a corrupt entry was read")
        } catch {
            guard case .malformed(_, let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains("doc.txt"))
            #expect(reason.contains("corrupt"))
        }
    }

    /// A deflate stream that asks for more input than the entry holds must fail, not wait for bytes forever.
    @Test(.timeLimit(.minutes(1))) func deflateStreamRunningPastItsEntryFails() throws {
        var bytes = try Self.archive([("a.txt", Array(String(repeating: "hello world ", count: 100).utf8))])
        let nameLength = Int(bytes[26]) | (Int(bytes[27]) << 8)
        let extraLength = Int(bytes[28]) | (Int(bytes[29]) << 8)
        let data = 30 + nameLength + extraLength
        // A stored block claiming 65535 bytes: more than the rest of the archive.
        bytes.replaceSubrange(data..<(data + 5), with: [0x00, 0xFF, 0xFF, 0x00, 0x00])
        let reader = try ZipArchiveReader(bytes: bytes, path: "s.zip")
        do {
            _ = try reader.bytes(of: "a.txt")
            Issue.record("a damaged stream was read")
        } catch {
            #expect(error.message.contains("zip entry a.txt is corrupt or truncated"))
        }
    }

    @Test func notAZipIsMalformed() {
        #expect(throws: IngestionError.self) { try ZipArchiveReader(bytes: Array("hello".utf8), path: "n.zip") }
        #expect(!ZipArchiveReader.looksLikeZip(Array("hello".utf8)))
    }
}
