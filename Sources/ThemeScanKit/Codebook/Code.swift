/// A code: what a researcher counts, found in text through its terms.
public struct Code: Sendable, Hashable {
    public var id: String
    public var label: Label
    /// Patterns that credit this code, in codebook order.
    public var terms: [Term]
    /// Phrases inside which a match of this code does not count.
    public var exclusions: [Term]
    /// The codebook's `description` of the code, for people; matching ignores it.
    public var descriptionText: String?
    public var location: SourceLocation

    public init(
        id: String, label: Label = Label(), terms: [Term], exclusions: [Term] = [], descriptionText: String? = nil,
        at location: SourceLocation
    ) {
        self.id = id
        self.label = label
        self.terms = terms
        self.exclusions = exclusions
        self.descriptionText = descriptionText
        self.location = location
    }
}
