/// All patterns of a codebook in one trie, walked over normalized text: one scan, never one scan per term.
///
/// Literal units branch in the trie; `gap`, `?` and `*` are extra edges taken by consuming a run of separators, one
/// letter, or all letters that follow. The walk from one start position is a small depth-first search over
/// (node, position) pairs, so patterns that share a prefix are tried together; a run of literal edges is followed
/// without the stack. Nodes, edges and accepts live in flat arrays of plain values, so the scanning loop does no
/// reference counting. Units are first mapped to a dense alphabet of the units patterns use, and nodes with many
/// edges for that alphabet look their children up in a direct row instead of searching their sorted edges: a large
/// codebook of common characters makes such bushy nodes, and every position of a text walks through them.
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

    private struct Node: Sendable {
        /// Literal edges are `edgeUnits[edgeStart..<edgeEnd]`, sorted, with children in `edgeChildren`.
        var edgeStart: Int32
        var edgeEnd: Int32
        var acceptStart: Int32
        var acceptEnd: Int32
        var gap: Int32
        var anyLetter: Int32
        var letters: Int32
        /// Whether a pattern through this node may start inside a word (a Han term); see `forEachHit`.
        var startsMidWord: Bool
        /// Whether any of `gap`, `anyLetter` and `letters` is set.
        var hasSpecial: Bool
        /// The node's row in `denseChildren`, or -1 when its edges are searched.
        var denseRow: Int32
    }

    private let nodes: [Node]
    private let edgeUnits: [UInt16]
    private let edgeChildren: [Int32]
    private let accepts: [Accept]
    /// The root's literal edges as a direct table: most positions of a text start no pattern at all.
    private let rootEdges: [Int32]
    /// Each UTF-16 unit's index among the units that label some edge, or -1 when none does.
    private let alphabet: [Int32]
    private let alphabetSize: Int
    /// Children of dense nodes, `alphabetSize` entries per row, -1 for no edge.
    private let denseChildren: [Int32]
    private let rootHasWildcard: Bool
    let classifier: CharacterClassifier

    init(_ builder: PatternTrieBuilder, classifier: CharacterClassifier) {
        var nodes: [Node] = []
        var edgeUnits: [UInt16] = []
        var edgeChildren: [Int32] = []
        var accepts: [Accept] = []
        // Children are created after their parents, so one backward pass sees every child before its parent.
        var startsMidWord = [Bool](repeating: false, count: builder.nodes.count)
        for (index, node) in builder.nodes.enumerated().reversed() {
            let children = Array(node.edges.values) + [node.gap, node.anyLetter, node.letters].filter { $0 >= 0 }
            startsMidWord[index] =
                node.accepts.contains { !$0.requiresStartBoundary } || children.contains { startsMidWord[Int($0)] }
        }
        var alphabet = [Int32](repeating: -1, count: 0x10000)
        var alphabetSize = 0
        for node in builder.nodes {
            for unit in node.edges.keys where alphabet[Int(unit)] < 0 {
                alphabet[Int(unit)] = Int32(alphabetSize)
                alphabetSize += 1
            }
        }
        var denseChildren: [Int32] = []
        for (index, node) in builder.nodes.enumerated() {
            let edgeStart = Int32(edgeUnits.count)
            for (unit, child) in node.edges.sorted(by: { $0.key < $1.key }) {
                edgeUnits.append(unit)
                edgeChildren.append(child)
            }
            // A row costs 4 bytes per letter of the alphabet: only nodes using one in `denseShare` of it get one,
            // so rows never take more than 4 × `denseShare` bytes per edge.
            var denseRow: Int32 = -1
            if index > 0, node.edges.count >= Self.denseEdges, node.edges.count * Self.denseShare >= alphabetSize {
                denseRow = Int32(denseChildren.count / alphabetSize)
                let rowStart = denseChildren.count
                denseChildren += repeatElement(-1, count: alphabetSize)
                for (unit, child) in node.edges { denseChildren[rowStart + Int(alphabet[Int(unit)])] = child }
            }
            let acceptStart = Int32(accepts.count)
            accepts += node.accepts
            nodes.append(
                Node(
                    edgeStart: edgeStart, edgeEnd: Int32(edgeUnits.count), acceptStart: acceptStart,
                    acceptEnd: Int32(accepts.count), gap: node.gap, anyLetter: node.anyLetter, letters: node.letters,
                    startsMidWord: startsMidWord[index],
                    hasSpecial: node.gap >= 0 || node.anyLetter >= 0 || node.letters >= 0, denseRow: denseRow))
        }
        var rootEdges = [Int32](repeating: -1, count: 0x10000)
        for (unit, child) in builder.nodes[0].edges { rootEdges[Int(unit)] = child }
        let root = nodes[0]
        self.nodes = nodes
        self.edgeUnits = edgeUnits
        self.edgeChildren = edgeChildren
        self.accepts = accepts
        self.rootEdges = rootEdges
        self.alphabet = alphabet
        self.alphabetSize = alphabetSize
        self.denseChildren = denseChildren
        self.rootHasWildcard = root.gap >= 0 || root.anyLetter >= 0 || root.letters >= 0
        self.classifier = classifier
    }

    var isEmpty: Bool { accepts.isEmpty }

    /// How many nodes look their children up in a direct row.
    var denseRowCount: Int { alphabetSize == 0 ? 0 : denseChildren.count / alphabetSize }

    /// Nodes with at least this many edges, covering at least one in `denseShare` of the alphabet, get a row.
    static let denseEdges = 8
    static let denseShare = 8

    /// Calls `body` for every pattern that matches starting at `start`, with its end; boundaries are checked.
    /// `stack` is scratch space the caller keeps between calls: it must be empty, and is left empty.
    @inline(__always)
    func forEachHit(
        in text: UnsafeBufferPointer<UInt16>, at start: Int, stack: inout [(node: Int32, position: Int)],
        _ body: (Hit) -> Void
    ) {
        let firstNode = rootEdges[Int(text[start])]
        guard firstNode >= 0 || rootHasWildcard else { return }
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
        if rootHasWildcard { expandSpecial(nodes[0], position: start, in: text, stack: &stack) }
        var next: (node: Int32, position: Int)? = firstNode >= 0 ? (firstNode, start + 1) : stack.popLast()
        while let (first, firstPosition) = next {
            defer { next = stack.isEmpty ? nil : stack.removeLast() }
            var node = first
            var position = firstPosition
            while true {
                let current = nodes[Int(node)]
                // Inside a word only patterns that need no start boundary can match. Walking the others anyway made
                // the scan quadratic: from every letter of a long word, a `*` read the rest of the word again.
                if !current.startsMidWord && !isStartBoundary() { break }
                if current.acceptStart < current.acceptEnd {
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
                if current.hasSpecial { expandSpecial(current, position: position, in: text, stack: &stack) }
                guard position < text.count, let child = literalChild(of: current, unit: text[position]) else { break }
                node = child
                position += 1
            }
        }
    }

    @inline(__always)
    private func literalChild(of node: Node, unit: UInt16) -> Int32? {
        if node.denseRow >= 0 {
            let symbol = alphabet[Int(unit)]
            guard symbol >= 0 else { return nil }
            let child = denseChildren[Int(node.denseRow) * alphabetSize + Int(symbol)]
            return child >= 0 ? child : nil
        }
        var low = Int(node.edgeStart)
        var high = Int(node.edgeEnd)
        while low < high {
            let middle = (low + high) / 2
            let candidate = edgeUnits[middle]
            if candidate == unit { return edgeChildren[middle] }
            if candidate < unit { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    @inline(__always)
    private func expandSpecial(
        _ node: Node, position: Int, in text: UnsafeBufferPointer<UInt16>, stack: inout [(node: Int32, position: Int)]
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
