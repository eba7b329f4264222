/// Converts UTF-16 positions of a text into Unicode scalar offsets and cuts context around a range.
///
/// Outputs speak in scalars (what REFI-QDA and most tools call characters); ICU and the matcher work in UTF-16.
/// Only surrogate pairs make the two differ, so the map stores just where they are.
public struct ScalarOffsetMap: Sendable {
    public let units: [UInt16]
    /// UTF-16 positions of trailing surrogates that complete a pair, ascending.
    private let pairTrails: [Int]

    public init(units: [UInt16]) {
        self.units = units
        var trails: [Int] = []
        var index = 1
        while index < units.count {
            if UTF16.isTrailSurrogate(units[index]), UTF16.isLeadSurrogate(units[index - 1]) {
                trails.append(index)
                index += 2
            } else {
                index += 1
            }
        }
        pairTrails = trails
    }

    /// The scalar offset of a UTF-16 position that lies on a scalar boundary.
    public func scalarOffset(ofUTF16 position: Int) -> Int {
        guard !pairTrails.isEmpty else { return position }
        var low = 0
        var high = pairTrails.count
        while low < high {
            let middle = (low + high) / 2
            if pairTrails[middle] < position { low = middle + 1 } else { high = middle }
        }
        return position - low
    }

    /// The text of a UTF-16 range.
    public func text(_ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer { makeString(fromUTF16: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The text of a UTF-16 range with line breaks and tabs shown as spaces.
    public func flattenedText(_ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer {
            makeString(fromUTF16: UnsafeBufferPointer(rebasing: $0[range]), flatteningLineBreaks: true)
        }
    }

    /// Up to `count` scalars before a position, with line breaks and tabs shown as spaces.
    public func context(before position: Int, scalars count: Int) -> String {
        flattenedText(self.position(before: position, scalars: count)..<position)
    }

    /// The position `count` scalars before `position`, or the start.
    public func position(before position: Int, scalars count: Int) -> Int {
        // Without surrogate pairs every unit is a scalar; KWIC asks this twice a match, 300 scalars deep.
        guard !pairTrails.isEmpty else { return max(0, position - count) }
        return TextChunker.position(before: position, scalars: count, in: units)
    }

    /// Up to `count` scalars from a position on, with line breaks and tabs shown as spaces.
    public func context(after position: Int, scalars count: Int) -> String {
        flattenedText(position..<self.position(after: position, scalars: count))
    }

    /// The position `count` scalars after `position`, or the end.
    public func position(after position: Int, scalars count: Int) -> Int {
        guard !pairTrails.isEmpty else { return min(units.count, position + count) }
        var end = position
        var taken = 0
        while end < units.count, taken < count {
            if UTF16.isLeadSurrogate(units[end]), end + 1 < units.count, UTF16.isTrailSurrogate(units[end + 1]) {
                end += 1
            }
            end += 1
            taken += 1
        }
        return end
    }
}
