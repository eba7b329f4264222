/// A problem found in the input that the run survives: collected, reported by the CLI, never printed here.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// A choice the run made that the user should see, such as the text columns it picked.
        case note
        case warning
        case error
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `path:line:col: warning: message`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}
