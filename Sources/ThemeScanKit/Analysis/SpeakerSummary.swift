/// A speaker label found in a document and the role it was given.
public struct SpeakerSummary: Sendable, Hashable {
    public var label: String
    public var role: SpeakerRole

    public init(label: String, role: SpeakerRole) {
        self.label = label
        self.role = role
    }
}
