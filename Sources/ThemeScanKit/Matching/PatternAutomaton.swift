/// All patterns of a codebook in one trie, walked over normalized text: one scan, never one scan per term.
///
/// Literal units branch in the trie; `gap`, `?` and `*` are extra edges taken by consuming a run of separators, one
/// letter, or all letters that follow. The walk from one start position is a small depth-first search over
/// (node, position) pairs, so patterns that share a prefix are tried together; a run of literal edges is followed
/// without the stack.
///
/// Literal edges live in one open-addressed hash table keyed by (parent, unit), and each edge carries what the walk
/// must know of the node it leads to (see `Step`). A large codebook of common characters makes a trie of hundreds of
/// thousands of nodes that every position of a text walks two or three levels into; with the edge table, a level
/// costs one probe into one array, where a node, its sorted edges and their children were three places in memory.
/// A node's own record is read only when patterns end there or a wildcard leaves it.
///
/// Most steps a text asks for are not in the trie (a codebook of 50,000 common-character terms has a few hundred
/// thousand edges, and a text's pairs of characters mostly make none of them), and the edge table of such a codebook
/// is megabytes, so each refused step was a miss in the processor's cache. A Bloom filter of the edges, a few bits an
/// edge in one 64-bit word per lookup, refuses nearly all of them from a table small enough to stay cached; only
/// steps it lets through probe the edge table.
struct PatternAutomaton: Sendable {
    /// A pattern that ends at a node, with what a candidate match needs to know about it.
    struct Accept: Sendable {
        var pattern: Int32
        var requiresStartBoundary: Bool
        var requiresEndBoundary: Bool
        var wildcardCount: Int32
    }

    /// A candidate found by a walk: the pattern and where its match ends.
    struct Hit: Sendable {
        var pattern: Int32
        var end: Int
        var wildcardCount: Int32
    }

    /// A node with its flags, packed in one value so that a step into the trie reads nothing else: the node's number
    /// shifted left by `flagBits`, or -1 for no node.
    typealias Step = Int32

    /// Whether a pattern through the node may start inside a word (a Han term); see `forEachHit`.
    private static let startsMidWord: Int32 = 1
    private static let hasAccepts: Int32 = 2
    /// Whether any of `gap`, `anyLetter` and `letters` leaves the node.
    private static let hasSpecial: Int32 = 4
    private static let flagBits: Int32 = 3

    private struct Node: Sendable {
        var acceptStart: Int32
        var acceptEnd: Int32
        var gap: Step
        var anyLetter: Step
        var letters: Step
    }

    /// One literal edge of the trie; a slot with `parent` -1 is empty.
    private struct Transition: Sendable {
        var parent: Int32
        var unit: UInt16
        var child: Step
    }

    private let nodes: [Node]
    private let accepts: [Accept]
    /// The root's literal edges as a direct table: most positions of a text start no pattern at all.
    private let rootSteps: [Step]
    /// Which units the root has a literal edge for, a bit each (see `mayStart(with:)`).
    private let rootEdges: [UInt64]
    /// Every other literal edge, by hash of (parent, unit), probed linearly; at most half full.
    private let transitions: [Transition]
    private let transitionShift: UInt64
    private let transitionMask: Int
    /// The edges' Bloom filter: each edge sets two bits of the word its hash picks (see `filterBits`).
    private let edgeFilter: [UInt64]
    private let edgeFilterShift: UInt64
    /// A Bloom filter, keyed by the text's own units, of the walks that can go past a literal child of the root: the
    /// first three units of every literal path three edges deep, and the first two of every path whose second node
    /// ends a pattern or has a wildcard edge (see `mayGoPastFirstUnit`).
    private let secondStepFilter: [UInt64]
    private let secondStepFilterShift: UInt64
    private let root: Node
    private let rootHasWildcard: Bool
    let classifier: CharacterClassifier

    init(_ builder: PatternTrieBuilder, classifier: CharacterClassifier) {
        precondition(builder.nodes.count < 1 << (31 - Self.flagBits), "too many trie nodes to pack a step")
        // Children are created after their parents, so one backward pass sees every child before its parent.
        var startsMidWord = [Bool](repeating: false, count: builder.nodes.count)
        for (index, node) in builder.nodes.enumerated().reversed() {
            let children = Array(node.edges.values) + [node.gap, node.anyLetter, node.letters].filter { $0 >= 0 }
            startsMidWord[index] =
                node.accepts.contains { !$0.requiresStartBoundary } || children.contains { startsMidWord[Int($0)] }
        }
        func step(_ node: Int32) -> Step {
            guard node >= 0 else { return -1 }
            let built = builder.nodes[Int(node)]
            var flags: Int32 = startsMidWord[Int(node)] ? Self.startsMidWord : 0
            if !built.accepts.isEmpty { flags |= Self.hasAccepts }
            if built.gap >= 0 || built.anyLetter >= 0 || built.letters >= 0 { flags |= Self.hasSpecial }
            return node << Self.flagBits | flags
        }

        var nodes: [Node] = []
        nodes.reserveCapacity(builder.nodes.count)
        var accepts: [Accept] = []
        var edgeCount = 0
        for node in builder.nodes {
            let acceptStart = Int32(accepts.count)
            accepts += node.accepts
            nodes.append(
                Node(
                    acceptStart: acceptStart, acceptEnd: Int32(accepts.count), gap: step(node.gap),
                    anyLetter: step(node.anyLetter), letters: step(node.letters)))
            edgeCount += node.edges.count
        }
        edgeCount -= builder.nodes[0].edges.count

        var rootSteps = [Step](repeating: -1, count: 0x10000)
        var rootEdges = [UInt64](repeating: 0, count: 0x10000 / 64)
        for (unit, child) in builder.nodes[0].edges {
            rootSteps[Int(unit)] = step(child)
            rootEdges[Int(unit >> 6)] |= 1 << (unit & 63)
        }

        var capacityBits = 4
        while 1 << capacityBits < 2 * edgeCount { capacityBits += 1 }
        let shift = UInt64(64 - capacityBits)
        let mask = (1 << capacityBits) - 1
        var transitions = [Transition](
            repeating: Transition(parent: -1, unit: 0, child: -1), count: 1 << capacityBits)
        // Eight bits an edge, two of them set in one word: about one absent edge in twenty passes.
        var filterWordsLog2 = 3
        while 1 << (filterWordsLog2 + 6) < 8 * edgeCount { filterWordsLog2 += 1 }
        let filterShift = UInt64(64 - filterWordsLog2)
        var edgeFilter = [UInt64](repeating: 0, count: 1 << filterWordsLog2)
        for (parent, node) in builder.nodes.enumerated().dropFirst() {
            for (unit, child) in node.edges {
                let hash = Self.hash(parent: Int32(parent), unit: unit)
                var slot = Int(truncatingIfNeeded: hash >> shift)
                while transitions[slot].parent >= 0 { slot = (slot + 1) & mask }
                transitions[slot] = Transition(parent: Int32(parent), unit: unit, child: step(child))
                edgeFilter[Self.filterWord(hash, shift: filterShift)] |= Self.filterBits(hash)
            }
        }

        // The second-step filter's keys: paths from the root whose second node has anything a walk could use.
        var secondStepKeys: [UInt64] = []
        for (first, child) in builder.nodes[0].edges {
            for (second, grandchild) in builder.nodes[Int(child)].edges {
                let node = builder.nodes[Int(grandchild)]
                if !node.accepts.isEmpty || node.gap >= 0 || node.anyLetter >= 0 || node.letters >= 0 {
                    secondStepKeys.append(Self.pairKey(first, second))
                }
                for third in node.edges.keys { secondStepKeys.append(Self.tripleKey(first, second, third)) }
            }
        }
        var secondStepWordsLog2 = 3
        while 1 << (secondStepWordsLog2 + 6) < 8 * secondStepKeys.count { secondStepWordsLog2 += 1 }
        let secondStepShift = UInt64(64 - secondStepWordsLog2)
        var secondStepFilter = [UInt64](repeating: 0, count: 1 << secondStepWordsLog2)
        for key in secondStepKeys {
            let hash = key &* 0x9E37_79B9_7F4A_7C15
            secondStepFilter[Self.filterWord(hash, shift: secondStepShift)] |= Self.filterBits(hash)
        }

        self.secondStepFilter = secondStepFilter
        self.secondStepFilterShift = secondStepShift
        self.nodes = nodes
        self.accepts = accepts
        self.rootSteps = rootSteps
        self.rootEdges = rootEdges
        self.transitions = transitions
        self.transitionShift = shift
        self.transitionMask = mask
        self.edgeFilter = edgeFilter
        self.edgeFilterShift = filterShift
        self.root = nodes[0]
        self.rootHasWildcard = root.gap >= 0 || root.anyLetter >= 0 || root.letters >= 0
        self.classifier = classifier
    }

    var isEmpty: Bool { accepts.isEmpty }

    /// How many slots of the edge table a lookup of each edge probes, at most: collisions are handled, and tests
    /// check that they happen.
    var longestProbe: Int {
        var longest = 0
        for (index, transition) in transitions.enumerated() where transition.parent >= 0 {
            let home = Int(truncatingIfNeeded: Self.hash(parent: transition.parent, unit: transition.unit) >> transitionShift)
            longest = max(longest, ((index - home) & transitionMask) + 1)
        }
        return longest
    }

    /// How many edges of the table the Bloom filter would refuse: none, or matches would be lost.
    var edgesTheFilterRefuses: Int {
        transitions.count { $0.parent >= 0 && !mayHaveEdge(hash: Self.hash(parent: $0.parent, unit: $0.unit)) }
    }

    /// Of the (node, unit) pairs given that are not edges, how many there are and how many the filter refuses: most
    /// of them, or it saves nothing.
    func filterRefusals(amongAbsent pairs: some Sequence<(node: Int32, unit: UInt16)>) -> (absent: Int, refused: Int) {
        var counts = (absent: 0, refused: 0)
        for (node, unit) in pairs where node > 0 && Int(node) < nodes.count {
            let hash = Self.hash(parent: node, unit: unit)
            guard probe(node, unit, hash: hash) < 0 else { continue }
            counts.absent += 1
            if !mayHaveEdge(hash: hash) { counts.refused += 1 }
        }
        return counts
    }

    var nodeCount: Int { nodes.count }

    /// Of the positions of `text` whose first unit leads to a literal node with no pattern ending and no wildcard
    /// edge, how many there are, how many the second-step filter refuses, and how many of those it should have let
    /// through (the walk's second node ends a pattern, has a wildcard edge or has a child for the third unit): none,
    /// or matches would be lost.
    func secondStepRefusals(in text: UnsafeBufferPointer<UInt16>) -> (asked: Int, refused: Int, wronglyRefused: Int) {
        var counts = (asked: 0, refused: 0, wronglyRefused: 0)
        for start in text.indices {
            let first = rootSteps[Int(text[start])]
            guard first >= 0, first & (Self.hasAccepts | Self.hasSpecial) == 0, !rootHasWildcard else { continue }
            counts.asked += 1
            guard !mayGoPastFirstUnit(text, at: start) else { continue }
            counts.refused += 1
            guard start + 1 < text.count else { continue }
            let second = literalChild(of: first >> Self.flagBits, unit: text[start + 1])
            guard second >= 0 else { continue }
            let goesOn =
                second & (Self.hasAccepts | Self.hasSpecial) != 0
                || (start + 2 < text.count && literalChild(of: second >> Self.flagBits, unit: text[start + 2]) >= 0)
            if goesOn { counts.wronglyRefused += 1 }
        }
        return counts
    }

    /// Fibonacci hashing of the packed key: the top bits of the product index the edge table and the filter, and
    /// two fields below them pick the filter's bits.
    @inline(__always)
    private static func hash(parent: Int32, unit: UInt16) -> UInt64 {
        let key = UInt64(UInt32(bitPattern: parent)) << 16 | UInt64(unit)
        return key &* 0x9E37_79B9_7F4A_7C15
    }

    @inline(__always)
    private static func filterWord(_ hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: hash &>> shift)
    }

    @inline(__always)
    private static func filterBits(_ hash: UInt64) -> UInt64 {
        (1 as UInt64) &<< (hash &>> 20) | (1 as UInt64) &<< (hash &>> 26)
    }

    /// The second-step filter's key for a path of two units, apart from every path of three.
    @inline(__always)
    private static func pairKey(_ first: UInt16, _ second: UInt16) -> UInt64 {
        1 << 48 | UInt64(first) << 16 | UInt64(second)
    }

    @inline(__always)
    private static func tripleKey(_ first: UInt16, _ second: UInt16, _ third: UInt16) -> UInt64 {
        UInt64(first) << 32 | UInt64(second) << 16 | UInt64(third)
    }

    /// Whether a walk from `start`, whose first unit leads to a literal node with no pattern ending and no
    /// wildcard edge, may find anything: false only when it cannot.
    ///
    /// In a large codebook of common characters, the second step of such a walk is an edge at one position of the
    /// text in eight, and the walk then stops at the third at nearly all of them: which positions go on is
    /// unpredictable, and the mispredicted branch and the edge table's cache miss behind it were what the size of
    /// the codebook cost. Both filter reads here depend on the text alone, so they run alongside the read of
    /// `rootSteps`; most walks end here, for any codebook, on a branch that is nearly always taken.
    @inline(__always)
    private func mayGoPastFirstUnit(_ text: UnsafeBufferPointer<UInt16>, at start: Int) -> Bool {
        guard start + 1 < text.count else { return false }
        let first = text[start]
        let second = text[start + 1]
        let hasThird = start + 2 < text.count
        let third = hasThird ? text[start + 2] : 0
        let pairHash = Self.pairKey(first, second) &* 0x9E37_79B9_7F4A_7C15
        let tripleHash = Self.tripleKey(first, second, third) &* 0x9E37_79B9_7F4A_7C15
        let pairBits = Self.filterBits(pairHash)
        let tripleBits = Self.filterBits(tripleHash)
        let pairWord = secondStepFilter[Self.filterWord(pairHash, shift: secondStepFilterShift)]
        let tripleWord = secondStepFilter[Self.filterWord(tripleHash, shift: secondStepFilterShift)]
        let pairPasses = pairWord & pairBits == pairBits
        let triplePasses = tripleWord & tripleBits == tripleBits
        return pairPasses || (hasThird && triplePasses)
    }

    @inline(__always)
    private func mayHaveEdge(hash: UInt64) -> Bool {
        let bits = Self.filterBits(hash)
        return edgeFilter[Self.filterWord(hash, shift: edgeFilterShift)] & bits == bits
    }

    /// Whether a pattern may start with `unit`: false only when none can. Asked of 8 KB of bits, which stay in the
    /// processor's nearest cache, where `forEachHit` reads the 256 KB `rootSteps`.
    ///
    /// For a few rare phrases, such as a codebook's exclusions, scanned at every position of a turn: nearly every
    /// position is refused here, where the read of `rootSteps` missed the cache (a quarter of that scan). The
    /// terms' own scan does not ask: most of its positions start a term's first character, and the extra read
    /// made a 500-term codebook's scan 6% slower.
    @inline(__always)
    func mayStart(with unit: UInt16) -> Bool {
        rootHasWildcard || rootEdges[Int(unit &>> 6)] &>> (unit & 63) & 1 != 0
    }

    /// Calls `body` for every pattern that matches starting at `start`, with its end; boundaries are checked.
    /// `stack` is scratch space the caller keeps between calls: it must be empty, and is left empty.
    @inline(__always)
    func forEachHit(
        in text: UnsafeBufferPointer<UInt16>, at start: Int, stack: inout [(step: Step, position: Int)],
        _ body: (Hit) -> Void
    ) {
        let firstStep = rootSteps[Int(text[start])]
        guard firstStep >= 0 || rootHasWildcard else { return }
        // No step has the flags bits of -1 clear, so this is a literal node that neither ends a pattern nor has a
        // wildcard edge: only its children can lead anywhere.
        if firstStep & (Self.hasAccepts | Self.hasSpecial) == 0, !rootHasWildcard,
            !mayGoPastFirstUnit(text, at: start)
        {
            return
        }
        // Whether `start` begins a word is asked only when a node needs it: Han terms never do, and most walks end
        // after a step or two.
        var knownStartBoundary: Bool? = nil
        func isStartBoundary() -> Bool {
            if let known = knownStartBoundary { return known }
            let boundary = start == 0 || classifier.classify(scalarValue(in: text, before: start)) != .word
            knownStartBoundary = boundary
            return boundary
        }
        // Every walk empties the stack before it returns, so it starts empty; the literal walk from the root's
        // child needs no stack at all unless a wildcard edge comes up.
        if rootHasWildcard { expandSpecial(root, position: start, in: text, stack: &stack) }
        var next: (step: Step, position: Int)? = firstStep >= 0 ? (firstStep, start + 1) : stack.popLast()
        while let (first, firstPosition) = next {
            defer { next = stack.isEmpty ? nil : stack.removeLast() }
            var step = first
            var position = firstPosition
            while true {
                // Inside a word only patterns that need no start boundary can match. Walking the others anyway made
                // the scan quadratic: from every letter of a long word, a `*` read the rest of the word again.
                if step & Self.startsMidWord == 0 && !isStartBoundary() { break }
                let node = step >> Self.flagBits
                if step & (Self.hasAccepts | Self.hasSpecial) != 0 {
                    let current = nodes[Int(node)]
                    if step & Self.hasAccepts != 0 {
                        // Asked once per node, and only for a pattern that needs it (Han terms do not).
                        var knownEndBoundary: Bool? = nil
                        for index in Int(current.acceptStart)..<Int(current.acceptEnd) {
                            let accept = accepts[index]
                            if accept.requiresEndBoundary {
                                if knownEndBoundary == nil {
                                    knownEndBoundary =
                                        position == text.count
                                        || classifier.classify(scalarValue(in: text, at: position).value) != .word
                                }
                                if knownEndBoundary == false { continue }
                            }
                            guard !accept.requiresStartBoundary || isStartBoundary() else { continue }
                            body(Hit(pattern: accept.pattern, end: position, wildcardCount: accept.wildcardCount))
                        }
                    }
                    // Also at the end of the text, where a trailing `*` still matches no letters.
                    if step & Self.hasSpecial != 0 { expandSpecial(current, position: position, in: text, stack: &stack) }
                }
                guard position < text.count else { break }
                step = child(of: node, unit: text[position])
                guard step >= 0 else { break }
                position += 1
            }
        }
    }

    @inline(__always)
    private func child(of node: Int32, unit: UInt16) -> Step {
        let hash = Self.hash(parent: node, unit: unit)
        guard mayHaveEdge(hash: hash) else { return -1 }
        return probe(node, unit, hash: hash)
    }

    /// The edge table's step for (`node`, `unit`), or -1, without the edge filter.
    private func literalChild(of node: Int32, unit: UInt16) -> Step {
        probe(node, unit, hash: Self.hash(parent: node, unit: unit))
    }

    /// The edge table's step for (`node`, `unit`), whose hash is `hash`, or -1.
    @inline(__always)
    private func probe(_ node: Int32, _ unit: UInt16, hash: UInt64) -> Step {
        var slot = Int(truncatingIfNeeded: hash >> transitionShift)
        while true {
            let transition = transitions[slot]
            if transition.parent == node && transition.unit == unit { return transition.child }
            if transition.parent < 0 { return -1 }
            slot = (slot + 1) & transitionMask
        }
    }

    @inline(__always)
    private func expandSpecial(
        _ node: Node, position: Int, in text: UnsafeBufferPointer<UInt16>, stack: inout [(step: Step, position: Int)]
    ) {
        if node.gap >= 0 {
            var end = position
            while end < text.count {
                let (value, length) = scalarValue(in: text, at: end)
                guard classifier.classify(value) == .separator else { break }
                end += length
            }
            if end > position { stack.append((node.gap, end)) }
        }
        if node.anyLetter >= 0, position < text.count {
            let (value, length) = scalarValue(in: text, at: position)
            if classifier.isLetter(value) { stack.append((node.anyLetter, position + length)) }
        }
        if node.letters >= 0 {
            var end = position
            while end < text.count {
                let (value, length) = scalarValue(in: text, at: end)
                guard classifier.isLetter(value) else { break }
                end += length
            }
            stack.append((node.letters, end))
        }
    }
}
