/// Collects patterns into a trie; `PatternAutomaton` freezes it into flat arrays for scanning.
struct PatternTrieBuilder {
    struct Node {
        var edges: [UInt16: Int32] = [:]
        var gap: Int32 = -1
        var anyLetter: Int32 = -1
        var letters: Int32 = -1
        var accepts: [PatternAutomaton.Accept] = []
    }

    private(set) var nodes: [Node] = [Node()]
    private var numbers: [TermPattern: Int] = [:]

    /// The number of a pattern: patterns are numbered 0, 1, 2 … as first seen, and inserted then.
    mutating func number(for pattern: TermPattern) -> Int {
        if let existing = numbers[pattern] { return existing }
        let number = numbers.count
        numbers[pattern] = number
        insert(pattern, as: Int32(number))
        return number
    }

    private mutating func insert(_ pattern: TermPattern, as number: Int32) {
        var node: Int32 = 0
        for element in pattern.elements {
            node = child(of: node, for: element)
        }
        nodes[Int(node)].accepts.append(
            PatternAutomaton.Accept(
                pattern: number, requiresStartBoundary: pattern.requiresStartBoundary,
                requiresEndBoundary: pattern.requiresEndBoundary, wildcardCount: Int32(pattern.wildcardCount)))
    }

    private mutating func child(of node: Int32, for element: TermPattern.Element) -> Int32 {
        let index = Int(node)
        let existing: Int32
        switch element {
        case .unit(let unit): existing = nodes[index].edges[unit] ?? -1
        case .gap: existing = nodes[index].gap
        case .anyLetter: existing = nodes[index].anyLetter
        case .letters: existing = nodes[index].letters
        }
        if existing >= 0 { return existing }
        let created = Int32(nodes.count)
        nodes.append(Node())
        switch element {
        case .unit(let unit): nodes[index].edges[unit] = created
        case .gap: nodes[index].gap = created
        case .anyLetter: nodes[index].anyLetter = created
        case .letters: nodes[index].letters = created
        }
        return created
    }
}
