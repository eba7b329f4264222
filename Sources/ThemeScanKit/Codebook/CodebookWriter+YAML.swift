import Yams

extension CodebookWriter {
    /// The codebook as a version 1 YAML codebook: labels and term lists in flow style, one code per block.
    public func yaml(_ codebook: Codebook) throws(CodebookError) -> String {
        func scalar(_ text: String) -> Node {
            // Text that a YAML reader would take for a number, boolean or null (`1`, `yes`, `~`) is quoted; text
            // of several lines is written as a block, as a person would write it.
            let style: Node.Scalar.Style =
                text.contains("\n") ? .literal : Resolver.default.resolveTag(of: Node(text)) == .str ? .any : .doubleQuoted
            return Node.scalar(Node.Scalar(text, Tag(.str), style))
        }
        func key(_ text: String) -> Node { Node(text) }
        func label(_ label: Label) -> Node? {
            guard !label.texts.isEmpty else { return nil }
            if label.texts.count == 1, let text = label.texts["default"] { return scalar(text) }
            let pairs = label.texts.keys.sorted().map { (key($0), scalar(label.texts[$0]!)) }
            return Node.mapping(Node.Mapping(pairs, Tag(.map), .flow))
        }
        func list(_ terms: [Term]) -> Node {
            Node.sequence(Node.Sequence(terms.map { scalar($0.text) }, Tag(.seq), .flow))
        }
        let themes = codebook.themes.map { theme -> Node in
            var pairs: [(Node, Node)] = [(key("id"), scalar(theme.id))]
            if let label = label(theme.label) { pairs.append((key("label"), label)) }
            if let text = theme.descriptionText { pairs.append((key("description"), scalar(text))) }
            let codes = theme.codes.map { code -> Node in
                var pairs: [(Node, Node)] = [(key("id"), scalar(code.id))]
                if let label = label(code.label) { pairs.append((key("label"), label)) }
                if let text = code.descriptionText { pairs.append((key("description"), scalar(text))) }
                pairs.append((key("terms"), list(code.terms)))
                if !code.exclusions.isEmpty { pairs.append((key("exclude"), list(code.exclusions))) }
                return Node.mapping(Node.Mapping(pairs, Tag(.map), .block))
            }
            pairs.append((key("codes"), Node.sequence(Node.Sequence(codes, Tag(.seq), .block))))
            return Node.mapping(Node.Mapping(pairs, Tag(.map), .block))
        }
        var top: [(Node, Node)] = [(key("version"), Node("1", Tag(.int))), (key("name"), scalar(codebook.name))]
        if let text = codebook.descriptionText { top.append((key("description"), scalar(text))) }
        top.append((key("themes"), Node.sequence(Node.Sequence(themes, Tag(.seq), .block))))
        let root = Node.mapping(Node.Mapping(top, Tag(.map), .block))
        do {
            let text = try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)
            return text.hasSuffix("\n") ? text : text + "\n"
        } catch {
            throw .invalid([
                Diagnostic(.error, at: SourceLocation(path: codebook.name), "cannot write the codebook as YAML: \(error)")
            ])
        }
    }
}
