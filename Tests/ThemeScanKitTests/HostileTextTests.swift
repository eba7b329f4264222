import Foundation
import Testing

/// Hostile plain text and CSV run through the binary next to a good transcript, under the hang bound and a
/// stated peak memory.
@Suite struct HostileTextTests {
    /// UTF-16 code units of `text` as bytes, little- or big-endian.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
    }

    /// Invalid UTF-8 inside otherwise valid text is replaced with U+FFFD and warned about at its byte offsets.
    @Test func invalidUTF8IsReplacedAtItsOffsets() throws {
        let workspace = try HostileWorkspace()
        let text = Array("受访者：校园欺凌的情况比较多，".utf8) + [0xFF] + Array("孩子们需要更多的关注和支持。".utf8) + [0xE4, 0xB8]
            + Array("\n".utf8)
        try workspace.write("bad.txt", text)
        let outcome = try workspace.analyze(["bad.txt"])
        try workspace.expectHandled(outcome, hostile: "bad.txt", peakMiB: 256)
        #expect(outcome.lines.contains("bad.txt: warning: invalid UTF-8 at byte 45, 88; replaced with U+FFFD"), "\(outcome.standardError)")
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(1)))
    }

    /// UTF-16 without a byte-order mark, either byte order, is recognized and read.
    @Test func utf16WithoutMarkIsRead() throws {
        let workspace = try HostileWorkspace()
        let text = "访谈者：你好\n受访者：孩子被欺凌的比较多，焦虑也有。\n"
        try workspace.write("le.txt", Self.utf16(text, bigEndian: false))
        try workspace.write("be.txt", Self.utf16(text, bigEndian: true))
        let outcome = try workspace.analyze(["le.txt", "be.txt"])
        try workspace.expectHandled(outcome, hostile: nil, peakMiB: 256)
        let documents = try workspace.output("documents.csv")
        #expect(documents.contains("\nle.txt,le.txt,le.txt,txt,UTF-16LE,"))
        #expect(documents.contains("\nbe.txt,be.txt,be.txt,txt,UTF-16BE,"))
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(2)))
    }

    /// Binary junk named `.txt`, text with NUL bytes inside, and an empty file are skipped with the reason (and the
    /// first NUL's byte offset).
    @Test func binaryEmptyAndNULFilesAreSkipped() throws {
        let workspace = try HostileWorkspace()
        var junk: [UInt8] = []
        var state: UInt32 = 2024
        for _ in 0..<8192 {
            state = state &* 1_103_515_245 &+ 12345
            junk.append(max(1, UInt8(truncatingIfNeeded: state >> 16)))
        }
        junk[100] = 0
        try workspace.write("junk.txt", junk)
        try workspace.write("nul.txt", Array("受访者：欺凌\u{0}比较多\u{0}焦虑\n".utf8))
        try workspace.write("empty.txt", [])
        let outcome = try workspace.analyze(["junk.txt", "nul.txt", "empty.txt"])
        try workspace.expectHandled(outcome, hostile: "junk.txt", peakMiB: 256)
        let advice = "if it is text in an unusual encoding, give --encoding NAME; skipped"
        #expect(outcome.lines.contains("junk.txt: error: the file does not look like text (it holds NUL bytes, first at byte 100); \(advice)"))
        #expect(outcome.lines.contains("nul.txt: error: the file does not look like text (it holds NUL bytes, first at byte 18); \(advice)"))
        #expect(outcome.lines.contains("empty.txt: error: file is empty; skipped"))
        #expect(outcome.lines.contains { $0.hasPrefix("themescan: 1 document(s)") && $0.contains("3 file(s) skipped; 3 error(s)") })
    }

    /// Lone surrogates in UTF-16 with a mark, either byte order, become U+FFFD with a warning at their byte offsets;
    /// the text around them is read.
    @Test func loneSurrogatesAreReplacedAtTheirOffsets() throws {
        let workspace = try HostileWorkspace()
        for bigEndian in [false, true] {
            let mark: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            let high: [UInt8] = bigEndian ? [0xD8, 0x00] : [0x00, 0xD8]
            let low: [UInt8] = bigEndian ? [0xDC, 0x00] : [0x00, 0xDC]
            let bytes = mark + Self.utf16("欺凌", bigEndian: bigEndian) + high + Self.utf16("ab", bigEndian: bigEndian) + low
                + Self.utf16("焦虑", bigEndian: bigEndian)
            try workspace.write(bigEndian ? "lone-be.txt" : "lone-le.txt", bytes)
        }
        let outcome = try workspace.analyze(["lone-le.txt", "lone-be.txt"])
        try workspace.expectHandled(outcome, hostile: "lone-le.txt", peakMiB: 256)
        #expect(outcome.lines.contains("lone-le.txt: warning: invalid UTF-16LE at byte 6, 12; replaced with U+FFFD"))
        #expect(outcome.lines.contains("lone-be.txt: warning: invalid UTF-16BE at byte 6, 12; replaced with U+FFFD"))
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(2)))
    }

    /// An unclosed quote is an error at the line where the quote opened; ragged rows are warned about at their
    /// line; a header-only table is a warning. The other rows and files are read.
    @Test func brokenCSVIsLocated() throws {
        let workspace = try HostileWorkspace()
        try workspace.write("unbalanced.csv", "id,answer\n1,\"孩子被欺凌的比较多\n2,焦虑也有很多情况需要关注\n")
        try workspace.write("ragged.csv", "id,answer,extra\n1,孩子被欺凌的比较多需要关注的情况\n2,焦虑也有很多情况需要关注,x,y,z\n3\n")
        try workspace.write("header-only.csv", "id,answer\n")
        let outcome = try workspace.analyze(["unbalanced.csv", "ragged.csv", "header-only.csv"])
        try workspace.expectHandled(outcome, hostile: "unbalanced.csv", peakMiB: 256)
        #expect(
            outcome.lines.contains(
                "unbalanced.csv:2: error: unclosed quote: the quoted field opened on line 2 never ends; close the quote "
                    + "or double the quote marks inside the field; skipped"))
        #expect(
            outcome.lines.contains(
                "ragged.csv:3: warning: row 3 has 5 cells but the header has 3 columns; the cells after column C are ignored"))
        #expect(outcome.lines.contains("ragged.csv:4: warning: 1 row has no answer in the text column B (row 4); skipped"))
        #expect(outcome.lines.contains("header-only.csv:1: warning: the table has a header but no rows of answers; no documents"))
        #expect(try workspace.output("documents.csv").contains("\nragged.csv#row-2,"))
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(1)))
    }

    /// A table 100,000 columns wide is read (its answer column found) and the run succeeds: the workbook's
    /// documents sheet, wider than Excel opens, becomes a note pointing to documents.csv. Bound: 512 MiB.
    @Test func hundredThousandColumnsAreRead() throws {
        let workspace = try HostileWorkspace()
        let columns = 100_000
        let header = (0..<columns).map { "c\($0)" }.joined(separator: ",")
        let row = (0..<columns).map { $0 == 5 ? "孩子被欺凌的情况比较多需要关注" : "\($0)" }.joined(separator: ",")
        try workspace.write("wide.csv", header + "\n" + row + "\n")
        let outcome = try workspace.analyze(["wide.csv"])
        try workspace.expectHandled(outcome, hostile: "wide.csv", peakMiB: 512)
        #expect(outcome.lines.contains { $0.hasPrefix("wide.csv:1: note: text columns: F \"c5\"") })
        #expect(try workspace.output("documents.csv").contains("\nwide.csv#row-2,"))
        #expect(try workspace.output("codes.csv").contains(HostileWorkspace.bullyingRow(1)))
        #expect(FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("out/results.xlsx").path))
        #expect(try workspace.outputContains("more than Excel opens (1,048,576 rows, 16,384 columns); see documents.csv."))
    }
}
