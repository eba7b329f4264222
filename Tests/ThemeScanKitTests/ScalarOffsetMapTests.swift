import Testing

@testable import ThemeScanKit

/// Context positions are counted in scalars, with or without surrogate pairs in the text.
@Suite struct ScalarOffsetMapTests {
    /// Texts without pairs (where every unit is a scalar), with pairs, and with lone surrogates.
    static let texts: [[UInt16]] = [
        Array("抑郁症，孩子说不想去".utf16), Array("a😀b𠀀𠀁c".utf16), [0x61, 0xD800, 0x62, 0xDC00, 0x63],
        Array("😀".utf16) + [0xDC00, 0xD800] + Array("z".utf16),
    ]

    /// The scalar boundaries of `units`, walking one scalar at a time.
    static func boundaries(_ units: [UInt16]) -> [Int] {
        var result = [0]
        var index = 0
        while index < units.count {
            index += scalarValue(in: units, at: index).length
            result.append(index)
        }
        return result
    }

    @Test(arguments: texts)
    func positionsStepOverWholeScalars(units: [UInt16]) {
        let map = ScalarOffsetMap(units: units)
        let bounds = Self.boundaries(units)
        for (place, position) in bounds.enumerated() {
            for count in 0...bounds.count {
                #expect(map.position(after: position, scalars: count) == bounds[min(bounds.count - 1, place + count)])
                #expect(map.position(before: position, scalars: count) == bounds[max(0, place - count)])
            }
        }
    }
}
