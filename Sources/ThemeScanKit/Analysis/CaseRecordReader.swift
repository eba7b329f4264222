/// Reads the case records of a range of a `SetAsideFile` in order, through a buffer of its own.
final class CaseRecordReader {
    private let file: SetAsideFile
    /// Where the next words to read are, and where the range ends, in words from the file's start.
    private var next: Int
    private let end: Int
    private var buffer: UnsafeMutableBufferPointer<UInt64>
    /// Words of `buffer` read, and where the next record starts among them.
    private var filled = 0
    private var position = 0
    private static let bufferWords = 8 << 10

    /// Reads the records of `words`, a range of `file` in words.
    init(file: SetAsideFile, words: Range<Int>) {
        self.file = file
        next = words.lowerBound
        end = words.upperBound
        buffer = .allocate(capacity: Self.bufferWords)
    }

    deinit {
        buffer.deallocate()
    }

    /// The next record, valid until the next call; nil after the last.
    func nextRecord() -> CaseRecord? {
        guard ensure(1) else { return nil }
        let length = CaseRecord.wordCount(header: buffer[position])
        guard ensure(length) else { fatalError("themescan: a case record set aside in \(file.path) ends early") }
        let record = CaseRecord(in: UnsafeBufferPointer(buffer), at: position)
        position += length
        return record
    }

    /// Whether `count` words from `position` are in the buffer, once it is refilled if need be.
    private func ensure(_ count: Int) -> Bool {
        if filled - position >= count { return true }
        let kept = filled - position
        if kept + (end - next) < count { return false }
        if count > buffer.count {
            let larger = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
            _ = larger.initialize(from: buffer[position..<filled])
            buffer.deallocate()
            buffer = larger
        } else if kept > 0 {
            // The kept words may overlap where they go, which `copyMemory` allows.
            UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: buffer.baseAddress! + position, byteCount: kept * 8)
        }
        position = 0
        let reading = min(buffer.count - kept, end - next)
        file.read(into: UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[kept..<(kept + reading)])), at: next * 8)
        next += reading
        filled = kept + reading
        return filled >= count
    }
}
