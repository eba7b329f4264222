/// All patterns of a codebook in one trie, walked over normalized text: one scan, never one scan per term.
///
/// Literal units branch in the trie; `gap`, `?` and `*` are extra edges taken by consuming a run of separators, one
/// letter, or all letters that follow. The walk from one start position is a small depth-first search over
/// (node, position) pairs, so patterns that share a prefix are tried together. Nodes, edges and accepts live in flat
/// arrays of plain values, so the scanning loop does no reference counting.
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
    }

    private let nodes: [Node]
    private let edgeUnits: [UInt16]
    private let edgeChildren: [Int32]
    private let accepts: [Accept]
    /// The root's literal edges as a direct table: most positions of a text start no pattern at all.
    private let rootEdges: [Int32]
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
        for (index, node) in builder.nodes.enumerated() {
            let edgeStart = Int32(edgeUnits.count)
            for (unit, child) in node.edges.sorted(by: { $0.key < $1.key }) {
                edgeUnits.append(unit)
                edgeChildren.append(child)
            }
            let acceptStart = Int32(accepts.count)
            accepts += node.accepts
            nodes.append(
                Node(
                    edgeStart: edgeStart, edgeEnd: Int32(edgeUnits.count), acceptStart: acceptStart,
                    acceptEnd: Int32(accepts.count), gap: node.gap, anyLetter: node.anyLetter, letters: node.letters,
                    startsMidWord: startsMidWord[index]))
        }
        var rootEdges = [Int32](repeating: -1, count: 0x10000)
        for (unit, child) in builder.nodes[0].edges { rootEdges[Int(unit)] = child }
        let root = nodes[0]
        self.nodes = nodes
        self.edgeUnits = edgeUnits
        self.edgeChildren = edgeChildren
        self.accepts = accepts
        self.rootEdges = rootEdges
        self.rootHasWildcard = root.gap >= 0 || root.anyLetter >= 0 || root.letters >= 0
        self.classifier = classifier
    }

    var isEmpty: Bool { accepts.isEmpty }

    /// Calls `body` for every pattern that matches starting at `start`, with its end; boundaries are checked.
    @inline(__always)
    func forEachHit(
        in text: UnsafeBufferPointer<UInt16>, at start: Int, stack: inout [(node: Int32, position: Int)],
        _ body: (Hit) -> Void
    ) {
        let firstNode = rootEdges[Int(text[start])]
        guard firstNode >= 0 || rootHasWildcard else { return }
        let startBoundary = start == 0 || classifier.classify(scalarValue(in: text, before: start)) != .word
        stack.removeAll(keepingCapacity: true)
        if firstNode >= 0 { stack.append((firstNode, start + 1)) }
        if rootHasWildcard { expandSpecial(nodes[0], position: start, in: text, stack: &stack) }
        while let (node, position) = stack.popLast() {
            let current = nodes[Int(node)]
            // Inside a word only patterns that need no start boundary can match. Walking the others anyway made
            // the scan quadratic: from every letter of a long word, a `*` read the rest of the word again.
            if !startBoundary && !current.startsMidWord { continue }
            if current.acceptStart < current.acceptEnd {
                let endBoundary =
                    position == text.count || classifier.classify(scalarValue(in: text, at: position).value) != .word
                for index in Int(current.acceptStart)..<Int(current.acceptEnd) {
                    let accept = accepts[index]
                    guard startBoundary || !accept.requiresStartBoundary, endBoundary || !accept.requiresEndBoundary
                    else { continue }
                    body(Hit(pattern: accept.pattern, end: position, wildcardCount: accept.wildcardCount))
                }
            }
            if position < text.count, let child = literalChild(of: current, unit: text[position]) {
                stack.append((child, position + 1))
            }
            // Also at the end of the text, where a trailing `*` still matches no letters.
            expandSpecial(current, position: position, in: text, stack: &stack)
        }
    }

    @inline(__always)
    private func literalChild(of node: Node, unit: UInt16) -> Int32? {
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
