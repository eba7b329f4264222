import Foundation

/// One case's name and counts, as a record of words read where it is kept: among a table's finished cases
/// (`CaseCountTable`), in a file they were set aside in, or in a run's list of cases (`CaseList`).
///
/// A record is a word holding whether the name is not in NFC (top bit), the name's UTF-8 length (next 31 bits) and
/// the number of entries, then the entries (`key << 32 | count`, sorted by key), then the name's bytes in as many
/// words as they fill.
struct CaseRecord {
    /// The whole record.
    let words: UnsafeBufferPointer<UInt64>
    /// The name's UTF-8 bytes.
    let name: UnsafeRawBufferPointer
    let entries: UnsafeBufferPointer<UInt64>
    /// Whether the name is in Normalization Form C, whose bytes order as Swift orders the name.
    let isNFC: Bool

    private static let notNFC: UInt64 = 1 << 63

    /// The record starting at `offset` of `words`.
    init(in words: UnsafeBufferPointer<UInt64>, at offset: Int) {
        let header = words[offset]
        let nameLength = Int((header >> 32) & 0x7FFF_FFFF)
        let entryCount = Int(header & 0xFFFF_FFFF)
        let nameStart = offset + 1 + entryCount
        name = UnsafeRawBufferPointer(start: words.baseAddress! + nameStart, count: nameLength)
        entries = UnsafeBufferPointer(rebasing: words[(offset + 1)..<nameStart])
        isNFC = header & Self.notNFC == 0
        self.words = UnsafeBufferPointer(rebasing: words[offset..<(offset + Self.wordCount(header: header))])
    }

    /// The record's length in words.
    var wordCount: Int { words.count }

    /// The length in words of the record whose first word is `header`.
    static func wordCount(header: UInt64) -> Int {
        1 + Int(header & 0xFFFF_FFFF) + (Int((header >> 32) & 0x7FFF_FFFF) + 7) / 8
    }

    /// Calls `body` with each record of `words`, which holds records one after another, and where it starts.
    static func forEach(in words: UnsafeBufferPointer<UInt64>, _ body: (CaseRecord, _ offset: Int) -> Void) {
        var offset = 0
        while offset < words.count {
            let record = CaseRecord(in: words, at: offset)
            body(record, offset)
            offset += record.wordCount
        }
    }

    /// Appends a record to `words`.
    static func append(
        name: some Collection<UInt8>, isNFC: Bool, entries: some Collection<UInt64>, to words: inout [UInt64]
    ) {
        precondition(name.count < 1 << 31 && entries.count <= Int(UInt32.max), "a case past 2 GiB")
        words.append((isNFC ? 0 : notNFC) | UInt64(name.count) << 32 | UInt64(entries.count))
        words.append(contentsOf: entries)
        let nameStart = words.count
        words.append(contentsOf: repeatElement(0, count: (name.count + 7) / 8))
        words[nameStart...].withUnsafeMutableBytes { $0.copyBytes(from: name) }
    }

    /// Whether this record's case comes before `other`'s in the order Swift gives their names.
    ///
    /// Swift orders strings by the scalars of their NFC forms, which is the order of those forms' UTF-8 bytes: two
    /// names in NFC, nearly every name, are compared by their bytes alone.
    func precedes(_ other: CaseRecord) -> Bool {
        Self.precedes(name, isNFC: isNFC, other.name, isNFC: other.isNFC)
    }

    /// Whether the name of UTF-8 bytes `name` comes before `other` in the order Swift gives names, as `precedes(_:)`.
    static func precedes(_ name: UnsafeRawBufferPointer, isNFC: Bool, _ other: UnsafeRawBufferPointer, isNFC otherIsNFC: Bool) -> Bool {
        guard isNFC, otherIsNFC else {
            return String(decoding: name, as: UTF8.self) < String(decoding: other, as: UTF8.self)
        }
        let shared = min(name.count, other.count)
        let order = shared == 0 ? 0 : memcmp(name.baseAddress!, other.baseAddress!, shared)
        return order != 0 ? order < 0 : name.count < other.count
    }

    /// The counts by key, `width` of them, zero for keys the case does not have.
    func counts(width: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: width)
        for entry in entries where Int(entry >> 32) < width { counts[Int(entry >> 32)] = Int(entry & 0xFFFF_FFFF) }
        return counts
    }

    /// The sum of the counts.
    var total: Int { entries.reduce(0) { $0 + Int($1 & 0xFFFF_FFFF) } }
}
