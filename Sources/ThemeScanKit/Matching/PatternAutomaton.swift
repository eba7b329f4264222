/// All patterns of a codebook in one trie, walked over normalized text: one scan, never one scan per term.
///
/// Literal units branch in the trie; `gap`, `?` and `*` are extra edges taken by consuming a run of separators, one
/// letter, or all letters that follow. The walk from one start position is a small depth-first search over
/// (node, position) pairs, so several patterns that share a prefix are tried together.
struct PatternAutomaton: Sendable {
    /// A pattern that ends at a node, with what a candidate match needs to know about it.
    struct Accept: Sendable {
        var pattern: Int32
        var requiresStartBoundary: Bool
        var requiresEndBoundary: Bool
        var wildcardCount: Int32
    }

    private struct Node: Sendable {
        var edges: [(unit: UInt16, child: Int32)] = []
        var gap: Int32 = -1
        var anyLetter: Int32 = -1
        var letters: Int32 = -1
        var accepts: [Accept] = []
    }

    /// A candidate found by a walk: the pattern and where its match ends.
    struct Hit: Sendable {
        var pattern: Int32
        var end: Int
        var wildcardCount: Int32
    }

    private var nodes: [Node] = [Node()]
    /// The root's literal edges as a direct table: most positions of a text start no pattern at all.
    private var rootEdges = [Int32](repeating: -1, count: 0x10000)
    let classifier: CharacterClassifier

    init(classifier: CharacterClassifier) {
        self.classifier = classifier
    }

    var isEmpty: Bool { nodes.count == 1 && nodes[0].accepts.isEmpty }

    /// Adds a pattern under the given number.
    mutating func insert(_ pattern: TermPattern, as number: Int32) {
        var node: Int32 = 0
        for element in pattern.elements {
            node = child(of: node, for: element)
        }
        nodes[Int(node)].accepts.append(
            Accept(
                pattern: number, requiresStartBoundary: pattern.requiresStartBoundary,
                requiresEndBoundary: pattern.requiresEndBoundary, wildcardCount: Int32(pattern.wildcardCount)))
    }

    private mutating func child(of node: Int32, for element: TermPattern.Element) -> Int32 {
        let index = Int(node)
        let existing: Int32
        switch element {
        case .unit(let unit):
            if index == 0 {
                existing = rootEdges[Int(unit)]
            } else {
                existing = nodes[index].edges.first { $0.unit == unit }?.child ?? -1
            }
        case .gap: existing = nodes[index].gap
        case .anyLetter: existing = nodes[index].anyLetter
        case .letters: existing = nodes[index].letters
        }
        if existing >= 0 { return existing }
        let created = Int32(nodes.count)
        nodes.append(Node())
        switch element {
        case .unit(let unit):
            if index == 0 {
                rootEdges[Int(unit)] = created
            } else {
                nodes[index].edges.append((unit, created))
                nodes[index].edges.sort { $0.unit < $1.unit }
            }
        case .gap: nodes[index].gap = created
        case .anyLetter: nodes[index].anyLetter = created
        case .letters: nodes[index].letters = created
        }
        return created
    }

    /// Whether any pattern can start with something other than a literal unit (a leading `?`).
    private var rootHasWildcard: Bool { nodes[0].anyLetter >= 0 || nodes[0].gap >= 0 || nodes[0].letters >= 0 }

    /// Calls `body` for every pattern that matches starting at `start`, with its end; boundaries are checked.
    func forEachHit(
        in text: UnsafeBufferPointer<UInt16>, at start: Int, stack: inout [(node: Int32, position: Int)],
        _ body: (Hit) -> Void
    ) {
        let firstNode = rootEdges[Int(text[start])]
        guard firstNode >= 0 || rootHasWildcard else { return }
        let startBoundary = start == 0 || classifier.classify(scalarValue(in: text, before: start)) != .word
        stack.removeAll(keepingCapacity: true)
        if firstNode >= 0 { stack.append((firstNode, start + 1)) }
        if rootHasWildcard { expandSpecial(node: 0, position: start, in: text, stack: &stack) }
        while let (node, position) = stack.popLast() {
            let current = nodes[Int(node)]
            if !current.accepts.isEmpty {
                let endBoundary =
                    position == text.count || classifier.classify(scalarValue(in: text, at: position).value) != .word
                for accept in current.accepts
                where (startBoundary || !accept.requiresStartBoundary) && (endBoundary || !accept.requiresEndBoundary) {
                    body(Hit(pattern: accept.pattern, end: position, wildcardCount: accept.wildcardCount))
                }
            }
            guard position < text.count else { continue }
            let unit = text[position]
            for edge in current.edges where edge.unit == unit {
                stack.append((edge.child, position + 1))
                break
            }
            expandSpecial(node: node, position: position, in: text, stack: &stack)
        }
    }

    private func expandSpecial(
        node: Int32, position: Int, in text: UnsafeBufferPointer<UInt16>, stack: inout [(node: Int32, position: Int)]
    ) {
        let current = nodes[Int(node)]
        if current.gap >= 0 {
            var end = position
            while end < text.count {
                let (value, length) = scalarValue(in: text, at: end)
                guard classifier.classify(value) == .separator else { break }
                end += length
            }
            if end > position { stack.append((current.gap, end)) }
        }
        if current.anyLetter >= 0, position < text.count {
            let (value, length) = scalarValue(in: text, at: position)
            if classifier.isLetter(value) { stack.append((current.anyLetter, position + length)) }
        }
        if current.letters >= 0 {
            var end = position
            while end < text.count {
                let (value, length) = scalarValue(in: text, at: end)
                guard classifier.isLetter(value) else { break }
                end += length
            }
            stack.append((current.letters, end))
        }
    }
}
