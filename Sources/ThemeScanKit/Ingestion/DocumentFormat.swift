/// The kind of file a document was read from.
public enum DocumentFormat: String, Sendable, Hashable, CaseIterable {
    case text = "txt"
    case markdown = "md"

    /// The format an extension names, if this version reads it.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        default: return nil
        }
    }
}
