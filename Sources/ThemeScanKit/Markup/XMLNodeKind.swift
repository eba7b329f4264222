/// What a node of an `XMLTree` is.
public enum XMLNodeKind: Sendable, Hashable {
    case element
    case attribute
    case text
    /// CDATA sections are merged into text when parsing, so this is rare.
    case cdata
    /// A reference to an entity the parser left unexpanded; its text is the entity's text when that is known.
    case entityReference
    case comment
    case document
    case other(Int32)

    init(rawType: Int32) {
        switch rawType {
        case 1: self = .element
        case 2: self = .attribute
        case 3: self = .text
        case 4: self = .cdata
        case 5: self = .entityReference
        case 8: self = .comment
        case 9, 13: self = .document
        default: self = .other(rawType)
        }
    }
}
