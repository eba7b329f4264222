/// What an XPath expression evaluated to.
public enum XPathResult {
    /// A node set, in document order.
    case nodes([XMLNode])
    /// A string, number or boolean, as its XPath string value.
    case value(String)

    /// The matched nodes; empty for a value.
    public var nodes: [XMLNode] {
        if case .nodes(let nodes) = self { return nodes }
        return []
    }
}
