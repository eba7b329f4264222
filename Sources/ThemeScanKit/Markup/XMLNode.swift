import CLibXML2

/// A node of an `XMLTree`; keeps the tree alive while it is held.
public struct XMLNode: Hashable {
    /// The tree the node belongs to, held so the node's memory stays valid.
    public let tree: XMLTree
    let pointer: OpaquePointer

    init(tree: XMLTree, pointer: OpaquePointer) {
        self.tree = tree
        self.pointer = pointer
    }

    public static func == (lhs: XMLNode, rhs: XMLNode) -> Bool { lhs.pointer == rhs.pointer }

    public func hash(into hasher: inout Hasher) { hasher.combine(pointer) }

    public var kind: XMLNodeKind { XMLNodeKind(rawType: cxml_node_type(pointer)) }

    /// The name without its prefix (`t` for `w:t`); libxml2 calls text nodes `text`.
    public var localName: String { cxml_node_local_name(pointer).map { String(cString: $0) } ?? "" }

    /// The namespace URI of an element or attribute name; nil without one (always nil in HTML).
    public var namespaceURI: String? { cxml_node_namespace_uri(pointer).map { String(cString: $0) } }

    /// The 1-based line the node starts on, nil when unknown.
    public var line: Int? {
        let line = Int(cxml_node_line(pointer))
        return line > 0 ? line : nil
    }

    public var parent: XMLNode? { cxml_node_parent(pointer).map { XMLNode(tree: tree, pointer: $0) } }
    public var firstChild: XMLNode? { cxml_node_first_child(pointer).map { XMLNode(tree: tree, pointer: $0) } }
    public var nextSibling: XMLNode? { cxml_node_next_sibling(pointer).map { XMLNode(tree: tree, pointer: $0) } }

    /// The node's children in document order (none for entity references and attributes).
    public var children: [XMLNode] {
        var children: [XMLNode] = []
        var child = firstChild
        while let current = child {
            children.append(current)
            child = current.nextSibling
        }
        return children
    }

    /// The element children only.
    public var elementChildren: [XMLNode] { children.filter { $0.kind == .element } }

    /// All text inside the node, with entity references replaced by their text when the tree knows it.
    public var textContent: String { tree.takeString(cxml_node_text_content(pointer)) ?? "" }

    /// Whether the node is an element named `localName` in one of `namespaces` (any namespace when empty).
    public func isElement(_ localName: String, in namespaces: Set<String> = []) -> Bool {
        guard kind == .element, self.localName == localName else { return false }
        return namespaces.isEmpty || namespaces.contains(namespaceURI ?? "")
    }

    /// The value of the attribute `name` in `namespace`; without a namespace, the attribute without one, or
    /// else one of that local name in any namespace.
    public func attribute(_ name: String, namespace: String? = nil) -> String? {
        tree.takeString(cxml_node_attribute(pointer, name, namespace))
    }

    /// The namespace prefixes declared on this element, prefix to URI (the default namespace under "").
    public var namespaceDeclarations: [String: String] {
        let count = Int(cxml_node_namespace_declarations(pointer, nil, nil, 0))
        guard count > 0 else { return [:] }
        var prefixes = [UnsafePointer<CChar>?](repeating: nil, count: count)
        var uris = [UnsafePointer<CChar>?](repeating: nil, count: count)
        _ = cxml_node_namespace_declarations(pointer, &prefixes, &uris, Int32(count))
        var declarations: [String: String] = [:]
        for (prefix, uri) in zip(prefixes, uris) {
            guard let uri else { continue }
            declarations[prefix.map { String(cString: $0) } ?? ""] = String(cString: uri)
        }
        return declarations
    }
}
