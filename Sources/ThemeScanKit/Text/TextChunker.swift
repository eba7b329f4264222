/// Cuts a long text into UTF-16 chunks at places where no match and no word can continue, without ever holding
/// the whole text as UTF-16.
///
/// Each chunk carries `contextScalars` scalars of the text on either side of its core, so the context around a
/// match near a cut is the same as in the uncut text. A cut goes right after one of the `cutAfter` units (chosen by
/// the caller as characters no codebook term can contain) when the next character does not attach to it (a mark,
/// a format character); the cut is searched for in the last half of each chunk. When there is none, the chunk is
/// cut hard at `chunkLength`, between two scalars: a match crossing that cut is lost, and a word crossing it counts
/// as two tokens. Line breaks and other whitespace are never cut at, because term gaps match them.
struct TextChunker: IteratorProtocol {
    /// A core stretch of the text with context on both sides.
    struct Chunk {
        /// The core and its surrounding context, UTF-16.
        var units: [UInt16]
        /// Where the core lies in `units`.
        var core: Range<Int>
        /// The scalar offset of `units[0]` in the text.
        var scalarBase: Int
    }

    private var scalars: String.UnicodeScalarView.Iterator
    private let chunkLength: Int
    private let contextScalars: Int
    private let cutAfter: [UInt16]
    /// The context kept from the previous chunk, then what has been read past it.
    private var buffer: [UInt16] = []
    /// Where the next core begins in `buffer`.
    private var coreStart = 0
    private var scalarBase = 0
    private var exhausted = false

    init(_ text: String, chunkLength: Int, contextScalars: Int, cutAfter: [UInt16]) {
        scalars = text.unicodeScalars.makeIterator()
        self.chunkLength = max(16, chunkLength)
        self.contextScalars = max(0, contextScalars)
        self.cutAfter = cutAfter
        buffer.reserveCapacity(self.chunkLength + 4 * self.contextScalars + 4)
    }

    mutating func next() -> Chunk? {
        // Enough for a full core plus the right context of a match ending at its end (each scalar is at most 2 units).
        read(upTo: coreStart + chunkLength + 2 * contextScalars + 1)
        guard coreStart < buffer.count else { return nil }
        let cut = exhausted && buffer.count - coreStart <= chunkLength ? buffer.count : cutPosition()
        let chunk = Chunk(units: buffer, core: coreStart..<cut, scalarBase: scalarBase)
        let keepFrom = Self.position(before: cut, scalars: contextScalars, in: buffer)
        scalarBase += Self.scalarCount(buffer[0..<keepFrom])
        buffer.removeSubrange(0..<keepFrom)
        coreStart = cut - keepFrom
        return chunk
    }

    private mutating func read(upTo count: Int) {
        while buffer.count < count, !exhausted {
            guard let scalar = scalars.next() else {
                exhausted = true
                break
            }
            buffer.append(contentsOf: UTF16.encode(scalar)!)
        }
    }

    /// The last safe cut in the second half of the core-to-be, or a hard cut at its end between two scalars.
    private func cutPosition() -> Int {
        let limit = coreStart + chunkLength
        let floor = coreStart + chunkLength / 2
        var position = limit
        while position > floor {
            if cutAfter.contains(buffer[position - 1]), !Self.attaches(at: position, in: buffer) { return position }
            position -= 1
        }
        return UTF16.isTrailSurrogate(buffer[limit]) ? limit - 1 : limit
    }

    /// Whether the character at `position` belongs with the one before it (a mark, a joiner, a format character).
    private static func attaches(at position: Int, in units: [UInt16]) -> Bool {
        guard position < units.count else { return false }
        var scalar = Unicode.Scalar(units[position])
        if UTF16.isLeadSurrogate(units[position]), position + 1 < units.count {
            scalar = Unicode.Scalar(
                0x10000 + ((UInt32(units[position]) - 0xD800) << 10) + (UInt32(units[position + 1]) - 0xDC00))
        }
        guard let scalar else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
        default: return scalar.properties.canonicalCombiningClass != .notReordered
        }
    }

    /// The position `count` scalars before `position`, or 0.
    static func position(before position: Int, scalars count: Int, in units: [UInt16]) -> Int {
        var start = position
        var taken = 0
        while start > 0, taken < count {
            start -= 1
            if UTF16.isTrailSurrogate(units[start]), start > 0, UTF16.isLeadSurrogate(units[start - 1]) { start -= 1 }
            taken += 1
        }
        return start
    }

    private static func scalarCount(_ units: ArraySlice<UInt16>) -> Int {
        var count = 0
        var previousWasLead = false
        for unit in units {
            if UTF16.isTrailSurrogate(unit), previousWasLead {
                previousWasLead = false
                continue
            }
            previousWasLead = UTF16.isLeadSurrogate(unit)
            count += 1
        }
        return count
    }
}
