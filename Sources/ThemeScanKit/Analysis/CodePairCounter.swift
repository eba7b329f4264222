/// Counts how often each pair of codes is found together: in the turns of a document, or in the cases of a run.
///
/// Hashing a pair for every turn or case cost more than the rest of those tallies, so up to `tableCodes` codes the
/// counts live in a square table of 32-bit counts, which stays in the nearest caches for a codebook of a hundred
/// codes. The entries made non-zero are remembered: emptying the table costs what filling it did, so a survey
/// export with a short document per row does not scan the whole table for each row. Wider codebooks count in a
/// dictionary.
struct CodePairCounter {
    /// Codebooks with up to this many codes count in a square table (256 KiB at most).
    static let tableCodes = 256

    /// How many codes the codebook has.
    let width: Int
    /// Allocated at the first pair, at `min * width + max` for the two codes.
    private var table: [UInt32] = []
    /// The entries of `table` counted since the last drain.
    private var counted: [Int] = []
    /// The counts of a codebook wider than `tableCodes`.
    private var wide: [CodePair: Int] = [:]

    init(codes width: Int) {
        self.width = width
    }

    /// Counts each pair of `codes` once; `codes` are distinct code indices.
    mutating func countPairs(of codes: ArraySlice<Int>) {
        guard codes.count > 1 else { return }
        guard width <= Self.tableCodes else {
            for position in codes.indices {
                for second in codes[(position + 1)...] { wide[CodePair(codes[position], second), default: 0] += 1 }
            }
            return
        }
        if table.isEmpty { table = Array(repeating: 0, count: width * width) }
        // One access to the table for all the pairs: the document analyzer, a class, keeps a counter, and each
        // access to storage of its own was checked for exclusivity at run time, which cost as much as counting.
        // `counted` is moved out meanwhile (not copied), since the closure may not touch `self`.
        var counted = self.counted
        self.counted = []
        let width = self.width
        table.withUnsafeMutableBufferPointer { table in
            for position in codes.indices {
                let first = codes[position]
                for second in codes[(position + 1)...] {
                    let index = min(first, second) * width + max(first, second)
                    if table[index] == 0 { counted.append(index) }
                    table[index] += 1
                }
            }
        }
        self.counted = counted
    }

    /// Adds every count made since the last drain into `pairs`, and empties the counter.
    mutating func drain(into pairs: inout [CodePair: Int]) {
        guard width <= Self.tableCodes else {
            pairs.merge(wide, uniquingKeysWith: +)
            wide.removeAll(keepingCapacity: true)
            return
        }
        pairs.reserveCapacity(pairs.count + counted.count)
        for index in counted {
            pairs[CodePair(index / width, index % width), default: 0] += Int(table[index])
            table[index] = 0
        }
        counted.removeAll(keepingCapacity: true)
    }

    /// Forgets every count made since the last drain.
    mutating func removeAll() {
        for index in counted { table[index] = 0 }
        counted.removeAll(keepingCapacity: true)
        wide.removeAll(keepingCapacity: true)
    }
}
